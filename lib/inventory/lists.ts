import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NamespaceListParams, NodeListParams, PodListParams } from "./params";
import { requireCluster } from "./clusters";
import { containsPattern, run } from "./sql";
import type { NamespaceRow, NodeRow, PodRow } from "./types";

/**
 * Entity lists of a cluster, searchable by name and sortable. They come from
 * the entity tables (first/last seen of every name ever reported), not from
 * the time range: a pod that is gone stays listed with its last-seen time.
 */

// Sort keys map to SQL only through these allow-lists.
const NODE_ORDER: Record<NodeListParams["sort"], Prisma.Sql> = {
  name: Prisma.raw("n.name"), firstSeen: Prisma.raw("n.first_seen"), lastSeen: Prisma.raw("n.last_seen"), pods: Prisma.raw("pods"),
};
const NAMESPACE_ORDER: Record<NamespaceListParams["sort"], Prisma.Sql> = {
  name: Prisma.raw("n.name"), firstSeen: Prisma.raw("n.first_seen"), lastSeen: Prisma.raw("n.last_seen"), pods: Prisma.raw("pods"),
};
const POD_ORDER: Record<PodListParams["sort"], Prisma.Sql> = {
  name: Prisma.raw("p.name"), namespace: Prisma.raw("p.namespace"), node: Prisma.raw("p.node"), workload: Prisma.raw("p.workload"),
  firstSeen: Prisma.raw("p.first_seen"), lastSeen: Prisma.raw("p.last_seen"),
};
const dir = (order: "asc" | "desc") => Prisma.raw(order === "desc" ? "DESC NULLS LAST" : "ASC NULLS LAST");

type Seen = { first_seen: Date; last_seen: Date };

export async function listNodes(db: Db, cluster: string, p: NodeListParams): Promise<NodeRow[]> {
  await requireCluster(db, cluster);
  const rows = await run<Seen & { name: string; pods: string }>(db, Prisma.sql`
    SELECT n.name, n.first_seen, n.last_seen, coalesce(c.pods, 0) AS pods
    FROM nodes n
    LEFT JOIN (SELECT node, count(*) AS pods FROM pods WHERE cluster = ${cluster} AND node IS NOT NULL GROUP BY node) c ON c.node = n.name
    WHERE n.cluster = ${cluster} AND n.name ILIKE ${containsPattern(p.q)}
    ORDER BY ${NODE_ORDER[p.sort]} ${dir(p.order)}, n.name LIMIT ${p.limit}`);
  return rows.map((r) => ({ name: r.name, firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString(), pods: Number(r.pods) }));
}

export async function listNamespaces(db: Db, cluster: string, p: NamespaceListParams): Promise<NamespaceRow[]> {
  await requireCluster(db, cluster);
  const rows = await run<Seen & { name: string; pods: string; workloads: string }>(db, Prisma.sql`
    SELECT n.name, n.first_seen, n.last_seen, coalesce(c.pods, 0) AS pods, coalesce(c.workloads, 0) AS workloads
    FROM namespaces n
    LEFT JOIN (SELECT namespace, count(*) AS pods, count(DISTINCT workload) AS workloads FROM pods WHERE cluster = ${cluster} GROUP BY namespace) c
      ON c.namespace = n.name
    WHERE n.cluster = ${cluster} AND n.name ILIKE ${containsPattern(p.q)}
    ORDER BY ${NAMESPACE_ORDER[p.sort]} ${dir(p.order)}, n.name LIMIT ${p.limit}`);
  return rows.map((r) => ({
    name: r.name, firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString(), pods: Number(r.pods), workloads: Number(r.workloads),
  }));
}

type PodSqlRow = Seen & { namespace: string; name: string; node: string | null; workload: string | null; containers: string };

export function toPodRow(r: PodSqlRow): PodRow {
  return {
    namespace: r.namespace, name: r.name, node: r.node, workload: r.workload,
    firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString(), containers: Number(r.containers),
  };
}

/** Pods of a cluster; `q` matches the pod or workload name, `namespace`/`node` filter exactly. */
export async function listPods(db: Db, cluster: string, p: PodListParams): Promise<PodRow[]> {
  await requireCluster(db, cluster);
  const pattern = containsPattern(p.q);
  const rows = await run<PodSqlRow>(db, Prisma.sql`
    SELECT p.namespace, p.name, p.node, p.workload, p.first_seen, p.last_seen,
           (SELECT count(*) FROM containers c WHERE c.cluster = p.cluster AND c.namespace = p.namespace AND c.pod = p.name) AS containers
    FROM pods p
    WHERE p.cluster = ${cluster}
      ${p.namespace ? Prisma.sql`AND p.namespace = ${p.namespace}` : Prisma.empty}
      ${p.node ? Prisma.sql`AND p.node = ${p.node}` : Prisma.empty}
      AND (p.name ILIKE ${pattern} OR p.workload ILIKE ${pattern})
    ORDER BY ${POD_ORDER[p.sort]} ${dir(p.order)}, p.namespace, p.name LIMIT ${p.limit}`);
  return rows.map(toPodRow);
}
