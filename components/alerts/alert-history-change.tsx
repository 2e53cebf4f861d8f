import { resolutionLabel, type TriageHistoryEntry } from "@/lib/client/alerts";

export type { TriageHistoryEntry };

/** The non-status entries of an alert's history (assignment, incident) and the resolution category. */
export function HistoryChange({ entry, part = "action" }: { entry: TriageHistoryEntry; part?: "action" | "resolution" }) {
  if (part === "resolution") {
    return (
      <p>
        <span className="text-muted">resolution:</span> <span className="font-semibold">{resolutionLabel(entry.resolutionReason)}</span>
      </p>
    );
  }
  if (entry.action === "assign") {
    return entry.assignee ? (
      <span>
        <span className="text-muted">assigned to</span> <span className="font-mono">{entry.assignee.email}</span>
      </span>
    ) : (
      <span className="text-muted">unassigned</span>
    );
  }
  if (entry.action === "incident") return <span className="text-muted">added to an incident</span>;
  return <span className="font-mono">{entry.action}</span>;
}
