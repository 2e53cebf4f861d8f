import { formatTsZone } from "@/lib/client/format";
import type { IncidentActivity } from "@/lib/client/incidents";

type Details = Record<string, unknown>;

const ids = (v: unknown) => (Array.isArray(v) ? v.map((x) => `#${String(x)}`).join(", ") : "");
const str = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/** One line of plain text per activity; values from users and logs are text, never markup. */
export function describeActivity(action: string, raw: IncidentActivity["details"]): string {
  const d: Details = raw && typeof raw === "object" ? raw : {};
  switch (action) {
    case "incident.create":
      return `created the incident${d.title ? ` “${str(d.title)}”` : ""}`;
    case "incident.update": {
      const changes = (d.changes && typeof d.changes === "object" ? d.changes : {}) as Record<string, { from?: unknown; to?: unknown }>;
      const parts = Object.entries(changes).map(([k, c]) => `${k === "ownerId" ? "owner" : k}: ${str(c?.from)} → ${str(c?.to)}`);
      return parts.length ? `changed ${parts.join("; ")}` : "updated the incident";
    }
    case "alerts.add":
      return `added alert${Array.isArray(d.alertIds) && d.alertIds.length === 1 ? "" : "s"} ${ids(d.alertIds)}`;
    case "alerts.remove":
      return `alert ${ids(d.alertIds)} moved to ${str(d.movedTo)}`;
    case "evidence.add":
      if (d.kind === "event") return `pinned event ${str(d.eventId)}`;
      if (d.kind === "search") return `attached search ${str(d.query)} (${str(d.from)} → ${str(d.to)})`;
      if (d.kind === "note") return "added a note";
      return "added evidence";
    case "evidence.remove":
      return `removed ${str(d.kind)} evidence${d.eventId ? ` (event ${str(d.eventId)})` : d.query ? ` (${str(d.query)})` : ""}`;
    case "alert.note":
      return `noted on alert #${str(d.alertId)}`;
    case "incident.export":
      return `exported the report${d.format ? ` (${str(d.format) === "md" ? "Markdown" : str(d.format).toUpperCase()})` : ""}`;
    case "share.create":
      return `created a share link${d.expiresAt ? ` (expires ${str(d.expiresAt)})` : ""}`;
    case "share.revoke":
      return "revoked a share link";
    case "share.open":
      return "the share link was opened";
    default:
      return `${action}${Object.keys(d).length ? ` ${JSON.stringify(d)}` : ""}`;
  }
}

export function IncidentActivityList({ activity }: { activity: IncidentActivity[] }) {
  if (activity.length === 0) return <p className="px-3 py-2 text-xs text-muted">No activity yet.</p>;
  return (
    <ol className="flex flex-col px-3 py-1" data-testid="incident-activity">
      {activity.map((a) => (
        <li key={a.id} data-action={a.action} className="flex flex-wrap gap-x-2 border-b border-line/60 py-1.5 text-xs last:border-b-0">
          <time dateTime={a.at} className="font-mono text-[11px] whitespace-nowrap text-muted">
            {formatTsZone(a.at)}
          </time>
          <span className="font-mono">{a.user?.email ?? "system"}</span>
          <span className="min-w-0 break-words">{describeActivity(a.action, a.details)}</span>
        </li>
      ))}
    </ol>
  );
}
