/**
 * Entity derivation from every source format: each fixture goes through the
 * real normalizer of its endpoint and the real ingest pipeline, then the
 * entity tables, lists and rollups are read back through lib/inventory.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDb } from "../setup/db";
import { auditEvent, eventList } from "../setup/fixtures";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { normalizeAuditBody } from "../../lib/ingest/audit/normalize";
import { normalizeFalcoBody } from "../../lib/ingest/falco/normalize";
import { normalizeLogsBody } from "../../lib/ingest/logs/normalize";
import { normalizeK8sEventsBody } from "../../lib/ingest/k8s-events/normalize";
import { normalizeOtlpBody } from "../../lib/ingest/otlp/normalize";
import type { NormalizeResult } from "../../lib/ingest/types";
import { listNamespaces, listNodes, listPods } from "../../lib/inventory/lists";
import { getCoverage } from "../../lib/inventory/coverage-store";
import { listClusters } from "../../lib/inventory/clusters";
import { NamespaceListParams, NodeListParams, PodListParams } from "../../lib/inventory/params";

const db = testDb();
const C = "derive-1";
const NODE = "ip-10-9-1-17.eu-west-1.compute.internal";
const at = (agoMs: number) => new Date(Date.now() - agoMs);
const iso = (agoMs: number) => at(agoMs).toISOString();
const ctx = (contentType = "application/json") => ({ cluster: C, contentType });
const body = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v));

const falcoAlert = {
  time: iso(200_000), rule: "Terminal shell in container", priority: "Notice", source: "syscall", hostname: NODE,
  output: "A shell was spawned in a container with an attached terminal",
  output_fields: {
    "k8s.ns.name": "crypto", "k8s.pod.name": "miner-xk2lp", "container.name": "xmrig", "container.id": "0123456789ab",
    "container.image.repository": "docker.io/evil/xmrig", "container.image.tag": "6.21", "proc.name": "sh", "user.name": "root",
  },
};

async function store(r: NormalizeResult | { events: NormalizeResult["events"]; rejected: unknown[] }) {
  expect(r.rejected).toEqual([]);
  expect(r.events.length).toBeGreaterThan(0);
  return ingestEvents(db, r.events);
}

beforeAll(async () => {
  await resetDb(db);
  // Audit: a pod created by the ReplicaSet controller (name from the response, owner from ownerReferences), bound to a node, exec'd into.
  const create = {
    ...auditEvent({ verb: "create", namespace: "shop", name: "", at: at(600_000), user: "system:serviceaccount:kube-system:replicaset-controller", code: 201 }),
    level: "RequestResponse",
    objectRef: { resource: "pods", namespace: "shop", apiVersion: "v1" },
    requestURI: "/api/v1/namespaces/shop/pods",
    responseObject: {
      kind: "Pod", apiVersion: "v1",
      metadata: { name: "cart-7c9d5f6b8-q2w9x", namespace: "shop", ownerReferences: [{ kind: "ReplicaSet", name: "cart-7c9d5f6b8", controller: true }] },
      spec: { nodeName: NODE, containers: [{ name: "cart", image: "ghcr.io/acme/cart:1.2.3" }] },
    },
  };
  const exec = auditEvent({ verb: "create", subresource: "exec", namespace: "shop", name: "cart-7c9d5f6b8-q2w9x", code: 101, at: at(300_000), user: "mallory@corp.example",
    uri: "/api/v1/namespaces/shop/pods/cart-7c9d5f6b8-q2w9x/exec?command=sh&container=cart&stdin=true&tty=true" });
  await store(normalizeAuditBody(JSON.stringify(eventList([create, exec])), C));

  // Falco: the only record of pod "miner-xk2lp" (a pod nothing else mentions).
  await store(normalizeFalcoBody(body(falcoAlert), ctx()));

  // Container logs only (Fluent Bit json_lines with its kubernetes filter): pod "batch-job-5tq2m".
  const fluent = [
    { date: Date.now() / 1000 - 150, time: iso(150_000), stream: "stdout", _p: "F", log: "processed 42 records",
      kubernetes: { pod_name: "batch-job-5tq2m", namespace_name: "etl", container_name: "worker", host: "ip-10-9-2-33.eu-west-1.compute.internal",
        docker_id: "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210", container_image: "ghcr.io/acme/etl:7" } },
  ];
  await store(normalizeLogsBody(body(fluent.map((r) => JSON.stringify(r)).join("\n")), ctx("application/x-ndjson")));

  // Vector's kubernetes_logs source names the same things differently.
  await store(normalizeLogsBody(body([{ message: "GET /healthz 200", timestamp: iso(140_000), source_type: "kubernetes_logs", stream: "stdout",
    kubernetes: { pod_name: "web-0", pod_namespace: "shop", container_name: "nginx", pod_node_name: NODE, container_image: "nginx:1.25" } }]), ctx()));

  // Node logs: journald (Fluent Bit systemd input) and an RFC 5424 syslog line.
  await store(normalizeLogsBody(body([{ _HOSTNAME: "ip-10-9-3-44.eu-west-1.compute.internal", SYSLOG_IDENTIFIER: "sshd", _PID: "4242",
    MESSAGE: "Accepted publickey for ec2-user from 198.51.100.9 port 50022 ssh2", PRIORITY: "6", __REALTIME_TIMESTAMP: String((Date.now() - 130_000) * 1000) }]), ctx()));
  await store(normalizeLogsBody(body(`<38>1 ${iso(120_000)} ip-10-9-4-55 sudo 777 - - ec2-user : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/sh\n`), ctx("text/plain")));

  // Kubernetes Events: core v1 about a pod (kubelet on a node), events.k8s.io/v1 about the Node.
  await store(normalizeK8sEventsBody(body({ kind: "EventList", apiVersion: "v1", items: [
    { kind: "Event", apiVersion: "v1", metadata: { name: "cart.1", namespace: "shop" }, reason: "Started", message: "Started container cart", type: "Normal",
      involvedObject: { kind: "Pod", namespace: "shop", name: "cart-7c9d5f6b8-q2w9x", fieldPath: "spec.containers{cart}" },
      source: { component: "kubelet", host: NODE }, firstTimestamp: iso(500_000), lastTimestamp: iso(500_000), count: 1 },
  ] }), ctx()));
  await store(normalizeK8sEventsBody(body({ kind: "Event", apiVersion: "events.k8s.io/v1", metadata: { name: "n.1", namespace: "default" },
    reason: "NodeNotReady", note: "Node is not ready", type: "Warning", regarding: { kind: "Node", name: "ip-10-9-5-66.eu-west-1.compute.internal" },
    reportingController: "node-controller", eventTime: iso(100_000) }), ctx()));

  // OTLP: a log record of a pod only the Collector reported, with its cluster in the resource.
  const kv = (key: string, v: string) => ({ key, value: { stringValue: v } });
  await store(normalizeOtlpBody(body({ resourceLogs: [{
    resource: { attributes: [kv("k8s.cluster.name", C), kv("k8s.namespace.name", "obs"), kv("k8s.pod.name", "otel-demo-6f7b8c9d4-abcde"),
      kv("k8s.container.name", "app"), kv("k8s.node.name", NODE), kv("k8s.deployment.name", "otel-demo"), kv("container.image.name", "ghcr.io/acme/otel-demo"), kv("container.image.tag", "2.0")] },
    scopeLogs: [{ scope: { name: "filelog" }, logRecords: [{ timeUnixNano: String(BigInt(Date.now() - 90_000) * 1_000_000n), severityText: "ERROR", body: { stringValue: "payment failed" } }] }],
  }] }), ctx()));
});
afterAll(() => db.pool.end());

const pods = (p: Partial<PodListParams> = {}) => listPods(db, C, PodListParams.parse(p));

describe("entities from every source format", () => {
  it("audit: a pod named only in the create response gets its workload (owner) and node (spec.nodeName)", async () => {
    const [pod] = await pods({ q: "cart-7c9d5f6b8" });
    expect(pod).toMatchObject({ namespace: "shop", name: "cart-7c9d5f6b8-q2w9x", node: NODE, workload: "cart" });
    // The exec named the container; the k8s Event too.
    expect(pod.containers).toBe(1);
  });

  it("a pod only Falco mentions: pod, namespace, node, container with image and runtime id", async () => {
    const [pod] = await pods({ namespace: "crypto" });
    expect(pod).toMatchObject({ name: "miner-xk2lp", node: NODE, containers: 1 });
    const c = await db.prisma.container.findUniqueOrThrow({ where: { cluster_namespace_pod_name: { cluster: C, namespace: "crypto", pod: "miner-xk2lp", name: "xmrig" } } });
    expect(c).toMatchObject({ image: "docker.io/evil/xmrig:6.21", containerId: "0123456789ab" });
  });

  it("a pod only container logs mention (Fluent Bit), and one from Vector", async () => {
    const [job] = await pods({ namespace: "etl" });
    expect(job).toMatchObject({ name: "batch-job-5tq2m", node: "ip-10-9-2-33.eu-west-1.compute.internal" });
    const c = await db.prisma.container.findFirstOrThrow({ where: { cluster: C, pod: "batch-job-5tq2m" } });
    expect(c).toMatchObject({ name: "worker", image: "ghcr.io/acme/etl:7", containerId: "fedcba987654" });
    const [web] = await pods({ q: "web-0" });
    expect(web).toMatchObject({ namespace: "shop", node: NODE });
  });

  it("OTLP: cluster from the resource, pod, workload, container image", async () => {
    const [p] = await pods({ namespace: "obs" });
    expect(p).toMatchObject({ name: "otel-demo-6f7b8c9d4-abcde", workload: "otel-demo", node: NODE });
    const c = await db.prisma.container.findFirstOrThrow({ where: { cluster: C, pod: p.name } });
    expect(c.image).toBe("ghcr.io/acme/otel-demo:2.0");
  });

  it("nodes from journald, syslog, Falco's hostname, logs and a Node's Kubernetes Event; namespaces from all", async () => {
    const nodes = await listNodes(db, C, NodeListParams.parse({}));
    expect(nodes.map((n) => n.name).sort()).toEqual([
      NODE, "ip-10-9-2-33.eu-west-1.compute.internal", "ip-10-9-3-44.eu-west-1.compute.internal", "ip-10-9-4-55",
      "ip-10-9-5-66.eu-west-1.compute.internal",
    ].sort());
    expect(nodes.find((n) => n.name === NODE)?.pods).toBe(4); // cart, miner, web-0, otel-demo
    const ns = await listNamespaces(db, C, NamespaceListParams.parse({ sort: "pods", order: "desc" }));
    // web-0 has no owner anyone could name (a StatefulSet pod without labels): one named workload.
    expect(ns[0]).toMatchObject({ name: "shop", pods: 2, workloads: 1 });
    expect(ns.map((n) => n.name).sort()).toEqual(["crypto", "etl", "obs", "shop"]);
  });

  it("lists search by substring (LIKE characters are literal) and sort both ways", async () => {
    expect((await pods({ q: "%" })).length).toBe(0);
    expect((await pods({ q: "_" })).length).toBe(0);
    const byName = await pods({ sort: "name", order: "desc" });
    expect(byName.map((p) => p.name)).toEqual([...byName.map((p) => p.name)].sort().reverse());
    const byLastSeen = await pods({ sort: "lastSeen", order: "asc" });
    expect(byLastSeen[0].name).toBe("cart-7c9d5f6b8-q2w9x"); // created 10 min ago, last exec 5 min ago
    await expect(listPods(db, "no-such-cluster", PodListParams.parse({}))).rejects.toMatchObject({ status: 404 });
  });

  it("every layer reports: coverage 100, sources per wire format, activity and API actors rolled up", async () => {
    const [cov] = await getCoverage(db, [C]);
    expect(cov.coverage).toMatchObject({ score: 100, reporting: 5, silent: [], missing: [] });
    expect(cov.sources.map((s) => `${s.layer}/${s.source}`).sort()).toEqual([
      "audit/k8s-audit", "container/fluent-bit", "container/otlp", "container/vector", "k8s-event/k8s-events", "node/journald", "node/syslog", "runtime/falco",
    ]);
    const { clusters } = await listClusters(db, { from: "now-1h", to: "now" });
    const me = clusters.find((c) => c.name === C)!;
    expect(me.events).toBe(10);
    expect(me.sparkline.points.reduce((n, p) => n + p.events, 0)).toBe(10);
    const actors = await db.prisma.actorRollup.findMany({ where: { cluster: C }, orderBy: { actor: "asc" } });
    expect(actors.map((a) => [a.actor, a.events])).toEqual([["mallory@corp.example", 1], ["system:serviceaccount:kube-system:replicaset-controller", 1]]);
  });

  it("a replayed batch changes no counts (rollups follow what was stored, not what was sent)", async () => {
    const before = await db.prisma.activityRollup.aggregate({ where: { cluster: C }, _sum: { events: true } });
    const again = normalizeFalcoBody(body(falcoAlert), ctx());
    expect(await ingestEvents(db, again.events)).toMatchObject({ accepted: 0, duplicates: 1 });
    const after = await db.prisma.activityRollup.aggregate({ where: { cluster: C }, _sum: { events: true } });
    expect(after._sum.events).toBe(before._sum.events);
  });
});
