"use client";

import { Sparkles } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { AlertSeverityBadge } from "@/components/ui/domain-badges";
import { ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { formatShort } from "@/lib/client/format";
import { incidentHref, useCreateIncident, useIncidentSuggestions, type IncidentSuggestion } from "@/lib/client/incidents";
import type { AlertSeverity } from "@/lib/client/types";

function Suggestion({ s, canCreate }: { s: IncidentSuggestion; canCreate: boolean }) {
  const create = useCreateIncident();
  const router = useRouter();
  const severity: AlertSeverity = s.severity ?? "medium";
  return (
    <li data-testid="incident-suggestion" className="flex flex-wrap items-center gap-3 border-b border-line/60 px-3 py-2 text-xs last:border-b-0">
      <AlertSeverityBadge severity={severity} />
      <div className="min-w-0 flex-1">
        <div className="font-medium break-words">{s.title}</div>
        <div className="font-mono text-[11px] text-muted">
          {[s.cluster, s.namespace, s.workload].filter(Boolean).join(" / ")} · {s.alertIds.length} alert{s.alertIds.length === 1 ? "" : "s"} ·{" "}
          {formatShort(s.firstSeen)} – {formatShort(s.lastSeen)}
          {s.ruleNames && s.ruleNames.length > 0 && ` · ${s.ruleNames.join(", ")}`}
        </div>
        {create.isError && <ErrorBox className="mt-1">{errorMessage(create.error)}</ErrorBox>}
      </div>
      {canCreate && (
        <Button
          variant="primary"
          size="xs"
          disabled={create.isPending}
          onClick={async () => {
            // mutateAsync, not mutate's onSuccess: the refetched list drops this suggestion (unmounting it) before a callback would run
            const inc = await create.mutateAsync({ title: s.title, severity, alertIds: s.alertIds, cluster: s.cluster, namespace: s.namespace, workload: s.workload }).catch(() => null);
            if (inc) router.push(incidentHref(inc.key));
          }}
        >
          Create incident
        </Button>
      )}
    </li>
  );
}

/** Open alerts not yet in an incident, grouped by namespace + workload within a window (computed by the server). */
export function IncidentSuggestions({ canCreate }: { canCreate: boolean }) {
  const q = useIncidentSuggestions();
  if (q.isPending) return <Spinner className="p-3" label="Loading suggestions" />;
  if (q.isError) return <ErrorBox className="m-3">{errorMessage(q.error)}</ErrorBox>;
  if (q.data.length === 0) return null;
  return (
    <section aria-label="Suggested incidents" className="rounded border border-line bg-panel">
      <h2 className="flex items-center gap-1.5 border-b border-line px-3 py-2 text-[10.5px] font-semibold tracking-wider text-muted uppercase">
        <Sparkles className="size-3.5" aria-hidden />
        Suggested groupings ({q.data.length})
      </h2>
      <ul>
        {q.data.map((s) => (
          <Suggestion key={s.alertIds.join(",")} s={s} canCreate={canCreate} />
        ))}
      </ul>
    </section>
  );
}
