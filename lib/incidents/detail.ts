import type { Db } from "@/lib/db";
import { alertInclude, toAlertDto } from "@/lib/alerts/queries";
import type { AlertDto } from "@/lib/alerts/schemas";
import { listActivity, type ActivityDto } from "./activity";
import { listEvidence, type EvidenceDto } from "./evidence";
import { getIncidentSummary, type IncidentSummary } from "./incidents";

export type IncidentNote = { id: string; alertId: number | null; author: { id: string; email: string } | null; body: string; createdAt: string };

export type IncidentDetail = {
  incident: IncidentSummary;
  alerts: AlertDto[];
  evidence: EvidenceDto[];
  activity: ActivityDto[];
  /** notes on the incident and on its alerts, oldest first */
  notes: IncidentNote[];
};

export async function getIncidentDetail(db: Db, id: number): Promise<IncidentDetail | null> {
  const incident = await getIncidentSummary(db, id);
  if (!incident) return null;
  const [alerts, evidence, activity] = await Promise.all([
    db.prisma.alert.findMany({ where: { incidentId: id }, include: alertInclude, orderBy: [{ firstSeen: "asc" }, { id: "asc" }] }),
    listEvidence(db, id),
    listActivity(db, id),
  ]);
  const notes = await db.prisma.note.findMany({
    where: { OR: [{ incidentId: id }, { alertId: { in: alerts.map((a) => a.id) } }] },
    include: { author: { select: { id: true, email: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return {
    incident,
    alerts: alerts.map(toAlertDto),
    evidence,
    activity,
    notes: notes.map((n) => ({ id: n.id.toString(), alertId: n.alertId, author: n.author, body: n.body, createdAt: n.createdAt.toISOString() })),
  };
}

/** Status history of the incident's alerts, for the report. */
export async function alertHistories(db: Db, alertIds: number[]) {
  if (alertIds.length === 0) return [];
  const rows = await db.prisma.alertHistory.findMany({
    where: { alertId: { in: alertIds } },
    include: { user: { select: { id: true, email: true } } },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  return rows.map((h) => ({
    id: h.id.toString(), alertId: h.alertId, at: h.at.toISOString(), user: h.user, action: h.action, fromStatus: h.fromStatus, toStatus: h.toStatus,
    reason: h.reason, resolutionReason: h.resolutionReason, assigneeId: h.assigneeId,
  }));
}
