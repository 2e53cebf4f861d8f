import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { timeRange } from "@/lib/search/events";
import { alertsFor } from "./alerts";
import type { RangeParams } from "./params";
import { recentEvents, run } from "./sql";
import type { NamespaceDetail } from "./types";

const SECTION_LIMIT = 100;

/**
 * A namespace's page: its workloads (pods grouped by owner), RBAC changes
 * (writes to Roles and RoleBindings in it), every request for its Secrets
 * (reads, lists, writes, denied attempts) and its alerts. The audit queries
 * read events_audit_sensitive_idx (cluster, resource, ts).
 */
export async function getNamespaceDetail(db: Db, cluster: string, name: string, p: RangeParams, now = Date.now()): Promise<NamespaceDetail> {
  const { from, to } = timeRange(p.from, p.to, now);
  const ns = await db.prisma.namespace.findUnique({ where: { cluster_name: { cluster, name } } });
  if (!ns) throw new HttpError(404, "namespace not found");
  const [workloads, rbacChanges, secretAccess, alerts] = await Promise.all([
    run<{ workload: string | null; pods: string; first_seen: Date; last_seen: Date }>(db, Prisma.sql`
      SELECT workload, count(*) AS pods, min(first_seen) AS first_seen, max(last_seen) AS last_seen
      FROM pods WHERE cluster = ${cluster} AND namespace = ${name}
      GROUP BY workload ORDER BY max(last_seen) DESC, workload LIMIT 500`),
    recentEvents(db, Prisma.sql`e.cluster = ${cluster} AND e.layer = 'audit' AND e.resource IN ('roles', 'rolebindings')
      AND e.verb IN ('create', 'update', 'patch', 'delete', 'deletecollection') AND e.namespace = ${name}`, from, to, SECTION_LIMIT),
    recentEvents(db, Prisma.sql`e.cluster = ${cluster} AND e.layer = 'audit' AND e.resource = 'secrets' AND e.namespace = ${name}`, from, to, SECTION_LIMIT),
    alertsFor(db, { cluster, namespace: name }, from),
  ]);
  return {
    range: { from: from.toISOString(), to: to.toISOString() },
    namespace: { cluster, name, firstSeen: ns.firstSeen.toISOString(), lastSeen: ns.lastSeen.toISOString() },
    // Pods no owner could be recovered for are listed as bare pods (workload null).
    workloads: workloads.map((w) => ({ name: w.workload ?? "", pods: Number(w.pods), firstSeen: w.first_seen.toISOString(), lastSeen: w.last_seen.toISOString() })),
    rbacChanges,
    secretAccess,
    alerts,
  };
}
