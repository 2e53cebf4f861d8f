import { StatusBadge } from "@/components/ui/domain-badges";
import { formatTsZone } from "@/lib/client/format";
import { ALERT_STATUSES, type AlertStatus } from "@/lib/client/types";
import { HistoryChange, type TriageHistoryEntry } from "./alert-history-change";

function Status({ value }: { value: string | null }) {
  if (value === null) return <span className="text-muted">created</span>;
  return (ALERT_STATUSES as readonly string[]).includes(value) ? (
    <StatusBadge status={value as AlertStatus} />
  ) : (
    <span className="font-mono">{value}</span>
  );
}

export function AlertHistory({ history }: { history: TriageHistoryEntry[] }) {
  return (
    <>
      {history.length === 0 && <p className="text-xs text-muted">No status changes yet.</p>}
      <ul data-testid="alert-history" className="flex flex-col">
      {history.map((h) => (
        <li key={h.id} className="flex flex-col gap-1 border-b border-line/60 py-2 text-xs last:border-b-0">
          <div className="flex flex-wrap items-center gap-2" data-action={h.action ?? "status"}>
            {h.action && h.action !== "status" ? (
              <HistoryChange entry={h} />
            ) : (
              <>
                <Status value={h.fromStatus} />
                <span className="text-muted" aria-label="to">
                  →
                </span>
                <Status value={h.toStatus} />
              </>
            )}
            <span className="ml-auto font-mono text-muted">
              <time dateTime={h.at}>{formatTsZone(h.at)}</time>
            </span>
          </div>
          <div className="text-muted">
            by <span className="font-mono text-fg">{h.user?.email ?? "system"}</span>
          </div>
          {h.resolutionReason && <HistoryChange entry={h} part="resolution" />}
          {h.reason && <p className="break-words whitespace-pre-wrap">{h.reason}</p>}
        </li>
      ))}
      </ul>
    </>
  );
}
