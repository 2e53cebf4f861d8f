import type { Db } from "@/lib/db";
import { alertEventRefs, eventsByRefs } from "./event-refs";
import { incidentKey } from "@/lib/incidents/keys";
import type { AlertDto, AlertStatusName, ResolutionReason } from "./schemas";
import { alertDetailExtras } from "./detail";

export const alertInclude = { rule: true, assignee: { select: { id: true, email: true } } } as const;
const include = alertInclude;

type AlertRow = Awaited<ReturnType<Db["prisma"]["alert"]["findFirstOrThrow"]>> & {
  rule: { id: string; name: string; equivalents: string[] };
  assignee: { id: string; email: string } | null;
};

export function toAlertDto(a: AlertRow): AlertDto {
  return {
    id: a.id, ruleId: a.ruleId, ruleName: a.rule.name, title: a.title, severity: a.severity, status: a.status,
    resolution: a.resolution, cluster: a.cluster, namespace: a.namespace, pod: a.pod, actor: a.actor,
    firstSeen: a.firstSeen.toISOString(), lastSeen: a.lastSeen.toISOString(), count: a.count, assignee: a.assignee,
    resolutionReason: (a.resolutionReason as ResolutionReason | null) ?? null,
    incident: a.incidentId ? { id: a.incidentId, key: incidentKey(a.incidentId) } : null,
    rule: { id: a.rule.id, name: a.rule.name, equivalents: a.rule.equivalents },
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
  // Exact microsecond refs: a Date would round audit timestamps and miss their events.
  const events = await eventsByRefs(db, await alertEventRefs(db, id, 200));
  const history = await db.prisma.alertHistory.findMany({
    where: { alertId: id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    include: { user: { select: { id: true, email: true } } },
  });
  const extras = await alertDetailExtras(db, a, history);
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
      action: h.action, resolutionReason: h.resolutionReason, assignee: extras.userRef(h.assigneeId),
    })),
    notes: extras.notes,
    incident: extras.incident,
    context: extras.context,
  };
}
