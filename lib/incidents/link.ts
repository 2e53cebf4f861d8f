import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { lockAlerts, type Tx } from "@/lib/alerts/tx";
import { recordActivity } from "./activity";
import { incidentKey } from "./keys";

export type LinkResult = { added: number[]; skipped: { id: number; reason: string }[] };

/**
 * Puts alerts into an incident (moving them out of another one, which their
 * history records). Each alert gets an immutable history row, the incident
 * an activity entry, the audit trail one entry. Runs in the caller's transaction.
 */
export async function linkAlertsToIncident(tx: Tx, user: SessionUser, incidentId: number, ids: number[], reason?: string): Promise<LinkResult> {
  const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
  if (!incident) throw new HttpError(404, "incident not found");
  const key = incidentKey(incidentId);
  const rows = await lockAlerts(tx, ids);
  const added: number[] = [];
  const moved: { id: number; from: string }[] = [];
  const skipped: LinkResult["skipped"] = [];
  for (const id of [...new Set(ids)]) {
    const row = rows.get(id);
    if (!row) {
      skipped.push({ id, reason: "not found" });
      continue;
    }
    if (row.incident_id === incidentId) {
      skipped.push({ id, reason: `already in ${key}` });
      continue;
    }
    const from = row.incident_id ? incidentKey(row.incident_id) : null;
    await tx.alert.update({ where: { id }, data: { incidentId } });
    await tx.alertHistory.create({
      data: {
        alertId: id, userId: user.id, action: "incident", fromStatus: row.status, toStatus: row.status,
        reason: reason || (from ? `moved from ${from} to ${key}` : `added to ${key}`),
      },
    });
    if (from) {
      moved.push({ id, from });
      await recordActivity(tx, row.incident_id!, user.id, "alerts.remove", { alertIds: [id], movedTo: key });
    }
    row.incident_id = incidentId;
    added.push(id);
  }
  if (added.length) await recordActivity(tx, incidentId, user.id, "alerts.add", { alertIds: added, ...(moved.length ? { moved } : {}) });
  await appendAudit(tx, { userId: user.id, action: "incident.alerts.add", target: `incident:${incidentId}`, details: { added, moved, skipped } });
  return { added, skipped };
}
