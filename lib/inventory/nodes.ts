import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { timeRange } from "@/lib/search/events";
import { alertsFor } from "./alerts";
import { toPodRow } from "./lists";
import type { RangeParams } from "./params";
import { recentEvents, run } from "./sql";
import type { NodeDetail } from "./types";

const SECTION_LIMIT = 100;
// Literal layer values: the index predicate (layer <> 'container') must be provable from the query.
const LAYER_LITERAL = { node: Prisma.raw("'node'"), runtime: Prisma.raw("'runtime'"), "k8s-event": Prisma.raw("'k8s-event'") } as const;

/**
 * A node's page: the pods it ran (from the entity table, gone ones included),
 * its OS logs, runtime (Falco) alerts and Kubernetes Events — those about the
 * Node object and those its kubelet reported about its pods. Each list is one
 * range scan of events_node_layer_idx (node, layer, ts).
 */
export async function getNodeDetail(db: Db, cluster: string, name: string, p: RangeParams, now = Date.now()): Promise<NodeDetail> {
  const { from, to } = timeRange(p.from, p.to, now);
  const node = await db.prisma.node.findUnique({ where: { cluster_name: { cluster, name } } });
  if (!node) throw new HttpError(404, "node not found");
  const onNode = (layer: keyof typeof LAYER_LITERAL) =>
    recentEvents(db, Prisma.sql`e.node = ${name} AND e.layer = ${LAYER_LITERAL[layer]} AND e.cluster = ${cluster}`, from, to, SECTION_LIMIT);
  const [pods, nodeLogs, runtime, kubeEvents, alerts] = await Promise.all([
    run<Parameters<typeof toPodRow>[0]>(db, Prisma.sql`
      SELECT p.namespace, p.name, p.node, p.workload, p.first_seen, p.last_seen,
             (SELECT count(*) FROM containers c WHERE c.cluster = p.cluster AND c.namespace = p.namespace AND c.pod = p.name) AS containers
      FROM pods p WHERE p.cluster = ${cluster} AND p.node = ${name}
      ORDER BY p.last_seen DESC, p.namespace, p.name LIMIT 1000`),
    onNode("node"),
    onNode("runtime"),
    onNode("k8s-event"),
    alertsFor(db, { cluster, node: name }, from),
  ]);
  return {
    range: { from: from.toISOString(), to: to.toISOString() },
    node: { cluster, name, firstSeen: node.firstSeen.toISOString(), lastSeen: node.lastSeen.toISOString() },
    pods: pods.map(toPodRow),
    nodeLogs,
    runtime,
    kubeEvents,
    alerts,
  };
}
