import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { alertUrl, eventUrl, incidentUrl, searchUrl } from "@/lib/share/urls";
import { recordActivity } from "./activity";
import { alertHistories, getIncidentDetail, type IncidentDetail } from "./detail";
import { mdBlock, mdCode } from "./markdown";

export type IncidentReport = IncidentDetail & {
  format: "crowsnest.incident-report/v1";
  generatedAt: string;
  generatedBy: { id: string; email: string };
  link: string;
  alertHistory: Awaited<ReturnType<typeof alertHistories>>;
};

/**
 * GET /api/v1/incidents/:key/report: the incident with its alerts and their
 * history, evidence, notes and activity. The export itself is audited (and on
 * the incident's timeline) before the file is handed out.
 */
export async function buildIncidentReport(db: Db, user: SessionUser, id: number, format: "md" | "json"): Promise<{ filename: string; contentType: string; body: string }> {
  const detail = await getIncidentDetail(db, id);
  if (!detail) throw new HttpError(404, "incident not found");
  const report: IncidentReport = {
    format: "crowsnest.incident-report/v1",
    generatedAt: new Date().toISOString(),
    generatedBy: { id: user.id, email: user.email },
    link: incidentUrl(detail.incident.key),
    ...detail,
    alertHistory: await alertHistories(db, detail.alerts.map((a) => a.id)),
  };
  await db.prisma.$transaction(async (tx) => {
    await recordActivity(tx, id, user.id, "incident.export", { format }, { touch: false });
    await appendAudit(tx, { userId: user.id, action: "incident.export", target: `incident:${id}`, details: { format, alerts: detail.alerts.length, evidence: detail.evidence.length } });
  });
  const base = `${detail.incident.key}-report`;
  return format === "json"
    ? { filename: `${base}.json`, contentType: "application/json; charset=utf-8", body: JSON.stringify(report, null, 2) }
    : { filename: `${base}.md`, contentType: "text/markdown; charset=utf-8", body: renderMarkdown(report) };
}

const who = (u: { email: string } | null) => (u ? mdCode(u.email) : "system");

/** Every value that did not come from this file goes through mdCode or mdBlock. */
export function renderMarkdown(r: IncidentReport): string {
  const i = r.incident;
  const out: string[] = [];
  out.push(`# ${i.key}: ${mdCode(i.title)}`, "");
  out.push(`- Severity: ${mdCode(i.severity)}`, `- Status: ${mdCode(i.status)}`, `- Owner: ${who(i.owner)}`);
  if (i.cluster) out.push(`- Entity: ${mdCode([i.cluster, i.namespace, i.workload].filter(Boolean).join("/"))}`);
  out.push(`- Created: ${i.createdAt}`, `- Updated: ${i.updatedAt}`, `- Link: <${r.link}>`, `- Exported: ${r.generatedAt} by ${who(r.generatedBy)}`, "");
  if (i.summary.trim()) out.push("## Summary", "", mdBlock(i.summary, "markdown"), "");

  out.push(`## Alerts (${r.alerts.length})`, "");
  for (const a of r.alerts) {
    out.push(`### Alert ${a.id}: ${mdCode(a.title)}`, "");
    out.push(
      `- Rule: ${mdCode(a.ruleName)} (${mdCode(a.ruleId)})`,
      `- Severity: ${mdCode(a.severity)}, status: ${mdCode(a.status)}${a.resolutionReason ? `, resolved as ${mdCode(a.resolutionReason)}` : ""}${a.resolution ? ` (${mdCode(a.resolution)})` : ""}`,
      `- Entity: ${mdCode([a.cluster, a.namespace, a.pod].filter(Boolean).join("/"))}${a.actor ? `, actor ${mdCode(a.actor)}` : ""}`,
      `- Seen ${a.count === 1 ? "once" : `${a.count} times`}, ${a.firstSeen} → ${a.lastSeen}`,
      `- Assignee: ${a.assignee ? mdCode(a.assignee.email) : "nobody"}`,
      `- Link: <${alertUrl(a.id)}>`,
      "",
    );
    const history = r.alertHistory.filter((h) => h.alertId === a.id);
    if (history.length) {
      out.push("History:", "");
      for (const h of history) {
        const what = h.action === "status" ? `${h.fromStatus ?? "new"} → ${h.toStatus}` : h.action;
        const why = [h.resolutionReason, h.reason].filter(Boolean).join(": ");
        out.push(`- ${h.at} ${who(h.user)} ${mdCode(what)}${why ? ` — ${mdCode(why)}` : ""}`);
      }
      out.push("");
    }
  }

  out.push(`## Evidence (${r.evidence.length})`, "");
  for (const e of r.evidence) {
    const by = `added ${e.addedAt} by ${who(e.addedBy)}`;
    if (e.kind === "event") {
      out.push(`### Event ${mdCode(e.eventId)} at ${mdCode(e.eventTs)}`, "", `- ${by}`, `- Link: <${eventUrl(e.eventId ?? "")}>`, "");
      out.push(e.event ? mdBlock(JSON.stringify(e.event, null, 2), "json") : "_The event is no longer stored (retention)._", "");
    } else if (e.kind === "search") {
      out.push(`### Search ${mdCode(e.query)}`, "", `- Window: ${e.from} → ${e.to}`, `- ${by}`, `- Link: <${searchUrl(e.query ?? "", e.from ?? "", e.to ?? "")}>`, "");
    } else {
      out.push(`### Note`, "", `- ${by}`, "", mdBlock(e.body, "markdown"), "");
    }
  }

  if (r.notes.length) {
    out.push(`## Notes (${r.notes.length})`, "");
    for (const n of r.notes) {
      out.push(`### ${n.createdAt} by ${who(n.author)}${n.alertId ? ` on alert ${n.alertId}` : ""}`, "", mdBlock(n.body, "markdown"), "");
    }
  }

  out.push(`## Activity (${r.activity.length})`, "");
  for (const a of r.activity) out.push(`- ${a.at} ${who(a.user)} ${mdCode(a.action)} ${mdCode(JSON.stringify(a.details))}`);
  out.push("");
  return out.join("\n");
}
