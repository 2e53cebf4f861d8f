"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Copy, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { AlertSeverityBadge } from "@/components/ui/domain-badges";
import { ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { RulePanel } from "@/components/alerts/rule-panel";
import { errorMessage } from "@/lib/client/api";
import { formatNumber, formatShort } from "@/lib/client/format";
import { useDeleteRule, useRule, type RuleDetailDto } from "@/lib/client/rules";
import { hasRole, type RoleName } from "@/lib/auth/roles";
import { BacktestPanel } from "./backtest-panel";
import { DefinitionFields } from "./definition-fields";
import { EnabledSwitch } from "./enabled-switch";
import { RuleEditor } from "./rule-editor";
import { OriginBadge } from "./rules-table";
import { SuppressionsSection } from "./suppressions-section";
import { TestEventPanel } from "./test-event-panel";

function draftOf(r: RuleDetailDto) {
  return { name: r.name, description: r.description, severity: r.severity, kind: r.kind, definition: r.definition, mitre: r.mitre, equivalents: r.equivalents, remediation: r.remediation, references: r.references };
}

/** Which other rules this one replaces on an event, and when each equivalent applies. */
function Relations({ definition }: { definition: RuleDetailDto["definition"] }) {
  const d = definition as { supersedes?: string[]; scopes?: Record<string, string> };
  if (!d.supersedes?.length && !d.scopes) return null;
  return (
    <div className="mt-3 flex flex-col gap-2 text-xs">
      {d.supersedes?.length ? (
        <div>
          <h3 className="mb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Replaces on the same event</h3>
          {d.supersedes.map((id) => (
            <Link key={id} href={`/rules/${encodeURIComponent(id)}`} className="mr-3 font-mono text-accent hover:underline">{id}</Link>
          ))}
        </div>
      ) : null}
      {d.scopes ? (
        <div>
          <h3 className="mb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Equivalent only when</h3>
          <ul className="flex flex-col gap-0.5">
            {Object.entries(d.scopes).map(([name, q]) => (
              <li key={name}><span className="font-mono">{name}</span>: <span className="font-mono text-muted">{q}</span></li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function Attribution({ rule }: { rule: RuleDetailDto }) {
  if (rule.origin !== "sigma") return null;
  return (
    <section aria-label="Sigma attribution" className="rounded border border-violet-500/30 bg-panel p-3 text-xs">
      <h2 className="mb-1 text-xs font-semibold">Imported Sigma rule</h2>
      <p>
        Author: <strong>{rule.author ?? "unknown"}</strong> · Licence: <strong>{rule.license ?? "unknown"}</strong>
        {rule.license === "DRL-1.1" && (
          <> (<a className="text-accent hover:underline" href="https://github.com/SigmaHQ/Detection-Rule-License" target="_blank" rel="noopener noreferrer">Detection Rule License 1.1</a>, attribution required)</>
        )}
      </p>
      {rule.notes.map((n) => <p key={n} className="mt-1 text-amber-700 dark:text-amber-300">Note: {n}</p>)}
      {rule.sourceText && (
        <details className="mt-2">
          <summary className="cursor-pointer text-muted">Sigma source as imported</summary>
          <pre className="mt-1 max-h-80 overflow-auto rounded bg-panel-2 p-2 text-[10.5px]">{rule.sourceText}</pre>
        </details>
      )}
    </section>
  );
}

export function RulePage({ id, role }: { id: string; role: RoleName }) {
  const rule = useRule(id);
  const del = useDeleteRule();
  const router = useRouter();
  const canEdit = hasRole(role, "analyst");
  if (rule.isPending) return <Spinner className="p-4" label="Loading rule" />;
  if (rule.isError) return <ErrorBox className="m-4">{errorMessage(rule.error)}</ErrorBox>;
  const r = rule.data;
  const editable = canEdit && !r.builtin;

  return (
    <div>
      <PageHeader title={<span className="flex items-center gap-2">{r.name} <AlertSeverityBadge severity={r.severity} /> <OriginBadge origin={r.origin} /></span>}>
        <EnabledSwitch id={r.id} enabled={r.enabled} disabled={!canEdit} />
        {canEdit && (
          <Link href={`/rules/new?from=${encodeURIComponent(r.id)}`} className="inline-flex h-7 items-center gap-1.5 rounded border border-line bg-panel-2 px-2.5 text-xs font-medium hover:bg-row-hover">
            <Copy className="size-3.5" aria-hidden /> Duplicate
          </Link>
        )}
        {editable && (
          <Button variant="danger" disabled={del.isPending} onClick={() => {
            if (confirm(`Delete the rule "${r.name}"?`)) del.mutate(r.id, { onSuccess: () => router.push("/rules") });
          }}>
            <Trash2 className="size-3.5" aria-hidden /> Delete
          </Button>
        )}
      </PageHeader>
      <div className="flex flex-col gap-3 p-4">
        {del.isError && <ErrorBox>{errorMessage(del.error)}</ErrorBox>}
        {r.lastError && (
          <ErrorBox>
            <span data-testid="rule-error">
              This rule has been failing since {formatShort(r.lastError.since)} (last run {formatShort(r.lastError.at)}): {r.lastError.message}
            </span>
          </ErrorBox>
        )}
        <div className="flex flex-wrap gap-4 text-xs text-muted" data-testid="rule-hits">
          <span className="font-mono">{r.id}</span>
          <span>kind <strong className="text-fg">{r.kind}</strong></span>
          <span><strong className="text-fg">{formatNumber(r.hits.alerts24h)}</strong> alerts and <strong className="text-fg">{formatNumber(r.hits.events24h)}</strong> events in 24 h</span>
          <span><strong className="text-fg">{formatNumber(r.hits.alertsTotal)}</strong> alerts in total{r.hits.lastHitAt ? `, last ${formatShort(r.hits.lastHitAt)}` : ""}</span>
          <span><strong className="text-fg">{formatNumber(r.suppressed.count)}</strong> suppressed matches ({r.suppressed.active} active suppressions)</span>
          <Link className="text-accent hover:underline" href={`/alerts?rule=${encodeURIComponent(r.id)}`}>its alerts</Link>
        </div>
        <Attribution rule={r} />
        {editable ? (
          <RuleEditor initial={draftOf(r)} ruleId={r.id} />
        ) : (
          <>
            <RulePanel rule={r} />
            <section aria-label="Definition" className="rounded border border-line bg-panel p-3">
              <h2 className="mb-2 text-xs font-semibold">Definition {r.builtin && <span className="font-normal text-muted">(built-in rules are read-only: duplicate one to change it)</span>}</h2>
              <DefinitionFields kind={r.kind} value={r.definition} onChange={() => {}} disabled />
              <Relations definition={r.definition} />
            </section>
            <BacktestPanel kind={r.kind} definition={r.definition} />
            <TestEventPanel kind={r.kind} definition={r.definition} />
          </>
        )}
        <SuppressionsSection ruleId={r.id} canEdit={canEdit} />
      </div>
    </div>
  );
}
