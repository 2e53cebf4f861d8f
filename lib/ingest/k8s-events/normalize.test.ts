import { describe, expect, it } from "vitest";
import { normalizeK8sEvent, normalizeK8sEventsBody } from "./normalize";
import { resourceOfKind, workloadOfPod } from "./objects";

const CLUSTER = "prod-eu-1";
const now = Date.now();
/** core/v1 timestamps have seconds only; MicroTime fields have microseconds. */
const secs = (offsetMs = 0) => new Date(now + offsetMs).toISOString().slice(0, 19) + "Z";
const micro = (offsetMs = 0) => new Date(now + offsetMs).toISOString().replace("Z", "123Z");
const run = (body: string) => normalizeK8sEventsBody(Buffer.from(body), { cluster: CLUSTER, contentType: "application/json" });
type Obj = Record<string, unknown>;

const NODE = "ip-10-0-1-23.eu-west-1.compute.internal";
const POD = "checkout-7d9f8b6c5-x2k4q";

/** A core/v1 Event as the API (and kubernetes-event-exporter's webhook) returns it. */
function v1(over: Obj = {}): Obj {
  return {
    kind: "Event", apiVersion: "v1",
    metadata: { name: `${POD}.17c1a2b3c4d5e6f7`, namespace: "checkout", uid: "6e3013d5-a79b-4dc4-b6c0-6b652302672e", resourceVersion: "176761", creationTimestamp: secs(-600_000) },
    involvedObject: { kind: "Pod", namespace: "checkout", name: POD, uid: "ed7de8ff-61fb-40bb-9ecb-55a801a4cd89", apiVersion: "v1", fieldPath: "spec.containers{checkout}" },
    reason: "BackOff", message: `Back-off restarting failed container checkout in pod ${POD}_checkout(ed7de8ff)`,
    source: { component: "kubelet", host: NODE },
    firstTimestamp: secs(-600_000), lastTimestamp: secs(), count: 12, type: "Warning",
    eventTime: null, reportingComponent: "kubelet", reportingInstance: NODE,
    ...over,
  };
}

/** The same kind of occurrence in events.k8s.io/v1 shape. */
function ev2(over: Obj = {}): Obj {
  return {
    kind: "Event", apiVersion: "events.k8s.io/v1",
    metadata: { name: `${POD}.17c1a2b3c4d5e6f8`, namespace: "checkout", creationTimestamp: secs(-5000) },
    eventTime: micro(-5000), series: { count: 3, lastObservedTime: micro() },
    reportingController: "default-scheduler", reportingInstance: "default-scheduler-ip-10-0-32-7",
    action: "Scheduling", reason: "FailedScheduling", type: "Warning",
    regarding: { kind: "Pod", namespace: "checkout", name: POD, uid: "ed7de8ff", apiVersion: "v1" },
    note: "0/5 nodes are available: 5 Insufficient memory.",
    deprecatedFirstTimestamp: "0001-01-01T00:00:00Z", deprecatedLastTimestamp: null, deprecatedCount: 0,
    ...over,
  };
}

describe("normalizeK8sEvent", () => {
  it("maps a core v1 Event and keeps it verbatim", () => {
    const raw = v1();
    const e = normalizeK8sEvent(raw, CLUSTER)!;
    expect(e).toMatchObject({
      cluster: CLUSTER, layer: "k8s-event", source: "k8s-events", severity: "warning", namespace: "checkout", pod: POD,
      node: NODE, container: "checkout", workload: "checkout", resource: "pods", objectName: POD, verb: null, actor: "kubelet",
      message: `BackOff: Back-off restarting failed container checkout in pod ${POD}_checkout(ed7de8ff) (x12)`, image: null,
    });
    expect(e.ts.toISOString()).toBe(secs().replace("Z", ".000Z"));
    expect(e.tsText).toBeUndefined();
    expect(e.attributes).toEqual(raw);
  });

  it("maps an events.k8s.io/v1 Event, preferring the series' last observation", () => {
    const e = normalizeK8sEvent(ev2(), CLUSTER)!;
    expect(e).toMatchObject({
      severity: "warning", namespace: "checkout", pod: POD, workload: "checkout", resource: "pods", actor: "default-scheduler",
      // a scheduler's reportingInstance is not a node name
      node: null, message: "FailedScheduling: 0/5 nodes are available: 5 Insufficient memory. (x3)",
    });
    expect(e.tsText).toBe(micro());
  });

  it("prefers eventTime over lastTimestamp when both name the same second, and lastTimestamp when it is later", () => {
    expect(normalizeK8sEvent(v1({ eventTime: micro(), count: 1 }), CLUSTER)!.tsText).toBe(micro());
    const later = normalizeK8sEvent(v1({ eventTime: micro(-60_000) }), CLUSTER)!;
    expect(later.tsText).toBeUndefined();
    expect(later.ts.toISOString()).toBe(secs().replace("Z", ".000Z"));
    const created = normalizeK8sEvent(v1({ lastTimestamp: null, firstTimestamp: null }), CLUSTER)!;
    expect(created.ts.toISOString()).toBe(secs(-600_000).replace("Z", ".000Z"));
  });

  it("maps Normal events about workloads, nodes and namespaces", () => {
    const scaled = normalizeK8sEvent(v1({
      type: "Normal", reason: "ScalingReplicaSet", message: "Scaled up replica set checkout-7d9f8b6c5 to 3", count: 1,
      involvedObject: { kind: "Deployment", namespace: "checkout", name: "checkout", apiVersion: "apps/v1" },
      source: { component: "deployment-controller" }, reportingComponent: "deployment-controller", reportingInstance: "",
    }), CLUSTER)!;
    expect(scaled).toMatchObject({ severity: "info", resource: "deployments", objectName: "checkout", workload: "checkout", pod: null, node: null, container: null, message: "ScalingReplicaSet: Scaled up replica set checkout-7d9f8b6c5 to 3" });

    const rs = normalizeK8sEvent(v1({ involvedObject: { kind: "ReplicaSet", namespace: "checkout", name: "checkout-7d9f8b6c5" }, source: { component: "replicaset-controller" } }), CLUSTER)!;
    expect(rs).toMatchObject({ resource: "replicasets", workload: "checkout" });

    const node = normalizeK8sEvent(v1({
      type: "Normal", reason: "NodeNotReady", message: `Node ${NODE} status is now: NodeNotReady`, count: 1,
      metadata: { name: `${NODE}.17c1`, namespace: "default" }, involvedObject: { kind: "Node", name: NODE, uid: NODE },
      source: { component: "node-controller" }, reportingComponent: "node-controller",
    }), CLUSTER)!;
    // Node events are filed in "default" although a Node is in no namespace.
    expect(node).toMatchObject({ node: NODE, namespace: null, resource: "nodes", objectName: NODE, pod: null });

    const ns = normalizeK8sEvent(v1({ involvedObject: { kind: "Namespace", name: "payments" } }), CLUSTER)!;
    expect(ns).toMatchObject({ namespace: "payments", resource: "namespaces" });
  });

  it("uses event-exporter's owner references and the record's clusterName", () => {
    const e = normalizeK8sEvent(v1({
      clusterName: "prod-us-1",
      involvedObject: { kind: "Pod", namespace: "payments", name: "ledger-db-0", labels: { app: "ledger-db" }, ownerReferences: [{ kind: "StatefulSet", name: "ledger-db", controller: true }] },
    }), CLUSTER)!;
    expect(e).toMatchObject({ cluster: "prod-us-1", workload: "ledger-db", pod: "ledger-db-0" });
  });

  it("skips BOOKMARK and DELETED watch frames and rejects ERROR frames", () => {
    expect(normalizeK8sEvent({ type: "BOOKMARK", object: { kind: "Event", metadata: { resourceVersion: "12" } } }, CLUSTER)).toBeNull();
    expect(normalizeK8sEvent({ type: "DELETED", object: v1() }, CLUSTER)).toBeNull();
    expect(() => normalizeK8sEvent({ type: "ERROR", object: { kind: "Status", message: "too old resource version: 1 (177)" } }, CLUSTER)).toThrow(/watch ERROR frame: too old resource version/);
  });
});

describe("normalizeK8sEventsBody", () => {
  it("accepts one Event, an EventList, a List, a JSON array, watch frames, NDJSON and Fluent Bit records", () => {
    const one = run(JSON.stringify(v1()));
    const list = run(JSON.stringify({ kind: "EventList", apiVersion: "v1", metadata: { resourceVersion: "1" }, items: [v1(), ev2()] }));
    const plain = run(JSON.stringify({ kind: "List", apiVersion: "v1", items: [v1()] }));
    const array = run(JSON.stringify([v1(), ev2()]));
    const watch = run([{ type: "ADDED", object: v1() }, { type: "MODIFIED", object: ev2() }, { type: "BOOKMARK", object: { kind: "Event" } }].map((f) => JSON.stringify(f)).join("\n"));
    const fluent = run([JSON.stringify({ ...v1(), date: now / 1000 }), JSON.stringify([now / 1000, ev2()])].join("\n"));
    const counts = [one, list, plain, array, watch, fluent].map((o) => [o.events.length, o.rejected.length]);
    expect(counts).toEqual([[1, 0], [2, 0], [1, 0], [2, 0], [2, 0], [2, 0]]);
    expect(fluent.events.map((e) => e.message.split(":")[0])).toEqual(["BackOff", "FailedScheduling"]);
  });

  it("falls back to the shipper's time only when the Event has none", () => {
    const { metadata: _m, ...bare } = v1({ lastTimestamp: null, firstTimestamp: null });
    const out = run(JSON.stringify([now / 1000, bare]) + "\n" + JSON.stringify(bare));
    expect(out.events).toHaveLength(1);
    expect(out.events[0].ts.getTime()).toBe(now);
    expect(out.rejected[0]).toMatchObject({ index: 1, reason: expect.stringMatching(/^Kubernetes Event without a timestamp/) });
  });

  it("rejects poison records with a reason and keeps the good ones", () => {
    const body = [
      JSON.stringify(v1()),
      JSON.stringify({ kind: "Event", apiVersion: "audit.k8s.io/v1", auditID: "x", verb: "get" }),
      JSON.stringify({ kind: "Pod", apiVersion: "v1", metadata: { name: "x" } }),
      JSON.stringify({ "@timestamp": "2020-06-25T12:30:27.575Z", kubernetes: { event: { reason: "AssociationError" } } }),
      JSON.stringify({ reason: "Started", message: "no object" }),
      JSON.stringify(v1({ lastTimestamp: "yesterday" })),
      "{broken",
      JSON.stringify(v1({ apiVersion: "events.k8s.io/v2" })),
      JSON.stringify(ev2()),
    ].join("\n");
    const out = run(body);
    expect(out.events.map((e) => e.message.split(":")[0])).toEqual(["BackOff", "FailedScheduling"]);
    expect(out.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, "this is a Kubernetes audit event, not a Kubernetes Event: send it to the k8s-audit endpoint"],
      [2, 'not a Kubernetes Event: kind is "Pod"'],
      [3, expect.stringMatching(/^a Metricbeat\/Elastic Agent kubernetes.event document/)],
      [4, "not a Kubernetes Event: it has no involvedObject (v1) or regarding (events.k8s.io/v1) object"],
      [5, 'bad timestamp in lastTimestamp: "yesterday" is not RFC 3339'],
      [6, expect.stringMatching(/^line 7 is not valid JSON/)],
      [7, 'apiVersion "events.k8s.io/v2" is not v1 or events.k8s.io/v1'],
    ]);
    expect(() => run("")).toThrow(/empty body/);
    expect(() => run("nope")).toThrow(/body is not Kubernetes Events/);
  });
});

describe("object naming helpers", () => {
  it.each([["Pod", "pods"], ["Node", "nodes"], ["Deployment", "deployments"], ["Ingress", "ingresses"], ["NetworkPolicy", "networkpolicies"], ["Endpoints", "endpoints"], ["StorageClass", "storageclasses"], ["Elasticsearch", "elasticsearches"]])(
    "%s → %s", (kind, resource) => expect(resourceOfKind(kind)).toBe(resource),
  );

  it.each([
    ["checkout-7d9f8b6c5-x2k4q", null, "checkout"],
    ["kairosdb-914055854-b63vq", null, "kairosdb"],
    ["aws-node-k2x9z", null, "aws-node"],
    ["redis-0", null, null],
    ["redis-0", { "statefulset.kubernetes.io/pod-name": "redis-0", "controller-revision-hash": "redis-6c9f" }, "redis"],
    ["nightly-backup-28571234-q2w4x", { "job-name": "nightly-backup-28571234" }, "nightly-backup-28571234"],
    ["debug-shell", null, null],
    ["web-2", { run: "web-2" }, null],
  ])("pod %s (labels %j) → workload %s", (pod, labels, workload) => {
    expect(workloadOfPod(pod, labels)).toBe(workload);
  });
});
