"use client";

import { CheckCheck, FolderPlus, RotateCcw, UserPlus, X } from "lucide-react";
import { useState } from "react";
import { AddToIncidentDialog, maxSeverity } from "@/components/incidents/add-to-incident-dialog";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useBulkAlerts, type BulkAction, type BulkResult, type QueueAlert } from "@/lib/client/alerts";
import { useMe } from "@/lib/client/auth";
import { AssignDialog } from "./assignee-picker";
import { ResolveAlertDialog } from "./resolve-alert-dialog";

export type BulkDialog = "resolve" | "assign" | "incident";

function summarize(r: BulkResult, verb: string): string {
  const skipped = r.skipped ?? [];
  const head = `${r.updated} alert${r.updated === 1 ? "" : "s"} ${verb}`;
  if (skipped.length === 0) return head + ".";
  const why = skipped.slice(0, 3).map((s) => `#${s.id}: ${s.reason}`).join("; ");
  return `${head}, ${skipped.length} skipped (${why}${skipped.length > 3 ? "; …" : ""}).`;
}

const VERB: Record<BulkAction["action"], string> = {
  acknowledge: "acknowledged",
  resolve: "resolved",
  reopen: "reopened",
  assign: "assigned",
  "add-to-incident": "added to the incident",
};

/**
 * Bulk triage state shared by the bar's buttons and the keyboard shortcuts:
 * `targets` are the selected alerts, or the focused one when nothing is selected.
 */
export function useAlertBulk(onDone: () => void) {
  const bulk = useBulkAlerts();
  const me = useMe();
  const [dialog, setDialog] = useState<{ kind: BulkDialog; alerts: QueueAlert[] } | null>(null);
  const [result, setResult] = useState<string | null>(null);

  function run(alerts: QueueAlert[], action: BulkAction) {
    if (alerts.length === 0) return;
    setResult(null);
    bulk.mutate(
      { ids: alerts.map((a) => a.id), ...action },
      {
        onSuccess: (r) => {
          setResult(summarize(r, VERB[action.action]));
          setDialog(null);
          onDone();
        },
      },
    );
  }

  return {
    pending: bulk.isPending,
    error: bulk.isError ? errorMessage(bulk.error) : null,
    result,
    dialog,
    open: (kind: BulkDialog, alerts: QueueAlert[]) => {
      if (alerts.length === 0) return;
      bulk.reset();
      setDialog({ kind, alerts });
    },
    close: () => setDialog(null),
    acknowledge: (alerts: QueueAlert[]) => run(alerts, { action: "acknowledge" }),
    reopen: (alerts: QueueAlert[]) => run(alerts, { action: "reopen" }),
    assignToMe: (alerts: QueueAlert[]) => me.data && run(alerts, { action: "assign", assigneeId: me.data.id }),
    run,
    dismissResult: () => setResult(null),
  };
}

export type AlertBulk = ReturnType<typeof useAlertBulk>;

export function AlertBulkBar({ bulk, selected, onClear }: { bulk: AlertBulk; selected: QueueAlert[]; onClear: () => void }) {
  const n = selected.length;
  return (
    <div className="flex flex-col gap-2">
      {n > 0 && (
        <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 rounded border border-accent/50 bg-accent/5 px-3 py-1.5">
          <span className="text-xs font-semibold" data-testid="selected-count">
            {n} selected
          </span>
          <Button size="xs" variant="primary" disabled={bulk.pending} onClick={() => bulk.acknowledge(selected)}>
            <CheckCheck className="size-3.5" aria-hidden />
            Acknowledge
          </Button>
          <Button size="xs" disabled={bulk.pending} onClick={() => bulk.open("assign", selected)}>
            <UserPlus className="size-3.5" aria-hidden />
            Assign…
          </Button>
          <Button size="xs" disabled={bulk.pending} onClick={() => bulk.open("resolve", selected)}>
            Resolve…
          </Button>
          <Button size="xs" disabled={bulk.pending} onClick={() => bulk.reopen(selected)}>
            <RotateCcw className="size-3.5" aria-hidden />
            Reopen
          </Button>
          <Button size="xs" disabled={bulk.pending} onClick={() => bulk.open("incident", selected)}>
            <FolderPlus className="size-3.5" aria-hidden />
            Add to incident…
          </Button>
          <Button size="xs" variant="ghost" className="ml-auto" onClick={onClear}>
            <X className="size-3.5" aria-hidden />
            Clear selection
          </Button>
        </div>
      )}
      {bulk.error && !bulk.dialog && <ErrorBox>{bulk.error}</ErrorBox>}
      {bulk.result && (
        <div role="status" data-testid="bulk-result" className="flex items-center gap-2 rounded border border-line bg-panel px-3 py-1.5 text-xs">
          {bulk.result}
          <Button size="xs" variant="ghost" className="ml-auto" onClick={bulk.dismissResult} aria-label="Dismiss">
            <X className="size-3.5" aria-hidden />
          </Button>
        </div>
      )}
    </div>
  );
}

export function AlertBulkDialogs({ bulk, onDone }: { bulk: AlertBulk; onDone: () => void }) {
  const d = bulk.dialog;
  if (!d) return null;
  const n = d.alerts.length;
  const openChange = (o: boolean) => !o && bulk.close();
  switch (d.kind) {
    case "resolve":
      return (
        <ResolveAlertDialog
          title={n === 1 ? "Resolve alert" : `Resolve ${n} alerts`}
          pending={bulk.pending}
          error={bulk.error}
          onOpenChange={openChange}
          onResolve={(r) => bulk.run(d.alerts, { action: "resolve", ...r })}
        />
      );
    case "assign":
      return <AssignDialog count={n} pending={bulk.pending} error={bulk.error} onOpenChange={openChange} onAssign={(id) => bulk.run(d.alerts, { action: "assign", assigneeId: id })} />;
    case "incident":
      return (
        <AddToIncidentDialog
          alertIds={d.alerts.map((a) => a.id)}
          defaults={{ title: d.alerts[0].title, severity: maxSeverity(d.alerts.map((a) => a.severity)) }}
          onOpenChange={openChange}
          onDone={onDone}
          navigate
        />
      );
  }
}
