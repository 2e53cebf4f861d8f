import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { run } from "./sql";
import type { AlertCounts, EntityAlert } from "./types";

type Scope = { cluster: string; namespace?: string; pod?: string; node?: string };

/**
 * Alerts about an entity: open and acknowledged ones whatever their age, plus
 * resolved ones last seen since `since` — what an analyst on the page must
 * know about, newest first. A node's alerts are those of the pods on it.
 */
export async function alertsFor(db: Db, scope: Scope, since: Date, limit = 50): Promise<EntityAlert[]> {
  let pods: { namespace: string; name: string }[] | null = null;
  if (scope.node) {
    pods = await db.prisma.pod.findMany({ where: { cluster: scope.cluster, node: scope.node }, select: { namespace: true, name: true }, take: 2000 });
    if (pods.length === 0) return [];
  }
  const rows = await db.prisma.alert.findMany({
    where: {
      cluster: scope.cluster,
      ...(scope.namespace ? { namespace: scope.namespace } : {}),
      ...(scope.pod ? { pod: scope.pod } : {}),
      ...(pods ? { OR: pods.map((p) => ({ namespace: p.namespace, pod: p.name })) } : {}),
      AND: [{ OR: [{ status: { not: "resolved" } }, { lastSeen: { gte: since } }] }],
    },
    orderBy: [{ lastSeen: "desc" }, { id: "desc" }],
    take: limit,
    include: { rule: { select: { name: true } } },
  });
  return rows.map((a) => ({
    id: a.id, title: a.title, ruleName: a.rule.name, severity: a.severity, status: a.status, cluster: a.cluster,
    namespace: a.namespace, pod: a.pod, actor: a.actor, firstSeen: a.firstSeen.toISOString(), lastSeen: a.lastSeen.toISOString(), count: a.count,
  }));
}

const EMPTY: AlertCounts = { low: 0, medium: 0, high: 0, critical: 0 };

/** Open alerts per cluster and severity (every age: open means someone still has to look). */
export async function openAlertCounts(db: Db): Promise<Map<string, AlertCounts>> {
  const rows = await db.prisma.alert.groupBy({ by: ["cluster", "severity"], where: { status: "open" }, _count: { _all: true } });
  const out = new Map<string, AlertCounts>();
  for (const r of rows) {
    const c = out.get(r.cluster) ?? { ...EMPTY };
    if (r.severity in c) c[r.severity as keyof AlertCounts] += r._count._all;
    out.set(r.cluster, c);
  }
  return out;
}

export function noAlerts(): AlertCounts {
  return { ...EMPTY };
}

type AlertSqlRow = {
  id: number; title: string; rule_name: string; severity: string; status: EntityAlert["status"]; cluster: string; namespace: string | null;
  pod: string | null; actor: string | null; first_seen: Date; last_seen: Date; count: number;
};

/** A cluster's open alerts, most severe first, then most recent. */
export async function openAlertsOf(db: Db, cluster: string, limit = 50): Promise<EntityAlert[]> {
  const rows = await run<AlertSqlRow>(db, Prisma.sql`
    SELECT a.id, a.title, r.name AS rule_name, a.severity, a.status, a.cluster, a.namespace, a.pod, a.actor, a.first_seen, a.last_seen, a.count
    FROM alerts a JOIN rules r ON r.id = a.rule_id
    WHERE a.cluster = ${cluster} AND a.status = 'open'
    ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, a.last_seen DESC, a.id DESC
    LIMIT ${limit}`);
  return rows.map((a) => ({
    id: a.id, title: a.title, ruleName: a.rule_name, severity: a.severity, status: a.status, cluster: a.cluster, namespace: a.namespace,
    pod: a.pod, actor: a.actor, firstSeen: a.first_seen.toISOString(), lastSeen: a.last_seen.toISOString(), count: a.count,
  }));
}
