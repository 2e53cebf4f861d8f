import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { getEventsByIds } from "@/lib/search/events";
import { HttpError } from "@/lib/http/errors";
import type { AlertDto, AlertPatch, AlertStatusName } from "./schemas";

const include = { rule: true, assignee: { select: { id: true, email: true } } } as const;

type AlertRow = Awaited<ReturnType<Db["prisma"]["alert"]["findFirstOrThrow"]>> & {
  rule: { name: string };
  assignee: { id: string; email: string } | null;
};

export function toAlertDto(a: AlertRow): AlertDto {
  return {
    id: a.id, ruleId: a.ruleId, ruleName: a.rule.name, title: a.title, severity: a.severity, status: a.status,
    resolution: a.resolution, cluster: a.cluster, namespace: a.namespace, pod: a.pod, actor: a.actor,
    firstSeen: a.firstSeen.toISOString(), lastSeen: a.lastSeen.toISOString(), count: a.count, assignee: a.assignee,
  };
}

export async function listAlerts(db: Db, p: { status: AlertStatusName | "all"; limit: number }): Promise<AlertDto[]> {
  const rows = await db.prisma.alert.findMany({
    where: p.status === "all" ? {} : { status: p.status },
    orderBy: [{ lastSeen: "desc" }, { id: "desc" }],
    take: p.limit,
    include,
  });
  return rows.map(toAlertDto);
}

export async function getAlertDetail(db: Db, id: number) {
  const a = await db.prisma.alert.findUnique({ where: { id }, include });
  if (!a) return null;
  const links = await db.prisma.alertEvent.findMany({ where: { alertId: id }, orderBy: { eventTs: "desc" }, take: 200 });
  const events = await getEventsByIds(db, links.map((l) => ({ id: l.eventId.toString(), ts: l.eventTs })));
  const history = await db.prisma.alertHistory.findMany({
    where: { alertId: id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    include: { user: { select: { id: true, email: true } } },
  });
  return {
    alert: {
      ...toAlertDto(a),
      rule: {
        id: a.rule.id, name: a.rule.name, description: a.rule.description, severity: a.rule.severity,
        mitre: a.rule.mitre, equivalents: a.rule.equivalents, remediation: a.rule.remediation, references: a.rule.references,
      },
    },
    events,
    history: history.map((h) => ({
      id: h.id.toString(), at: h.at.toISOString(), user: h.user, fromStatus: h.fromStatus, toStatus: h.toStatus, reason: h.reason,
    })),
  };
}

/** Moves an alert to a new status, recording who, when and why in its history and the audit trail. */
export async function changeAlertStatus(db: Db, user: SessionUser, id: number, patch: AlertPatch): Promise<AlertDto> {
  if (patch.status === "resolved" && !patch.reason) throw new HttpError(400, "resolving an alert needs a reason");
  return db.prisma.$transaction(async (tx) => {
    const current = await tx.alert.findUnique({ where: { id } });
    if (!current) throw new HttpError(404, "alert not found");
    if (current.status === patch.status) throw new HttpError(409, `alert is already ${patch.status}`);
    const updated = await tx.alert.update({
      where: { id },
      data: { status: patch.status, resolution: patch.status === "resolved" ? patch.reason ?? null : null },
      include,
    });
    await tx.alertHistory.create({
      data: { alertId: id, userId: user.id, fromStatus: current.status, toStatus: patch.status, reason: patch.reason ?? null },
    });
    await appendAudit(tx, {
      userId: user.id, action: "alert.status", target: `alert:${id}`,
      details: { from: current.status, to: patch.status, reason: patch.reason ?? null },
    });
    return toAlertDto(updated);
  });
}
