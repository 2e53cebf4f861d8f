import { describe, expect, it } from "vitest";
import { normalizeAuditBody, normalizeAuditEvent, parseAuditBody, RecordError } from "./normalize";
import { parseGkeMethod, parseGkeResourceName } from "./wrappers";

const CLUSTER = "prod-eu";
const now = Date.now();
const iso = (offsetMs = 0) => new Date(now + offsetMs).toISOString();
/** Go writes microseconds; build one from "now" so ts precision handling is exercised. */
const micro = (offsetMs = 0) => iso(offsetMs).replace("Z", "417Z");

type Ev = Record<string, unknown>;
function ev(over: Ev = {}): Ev {
  return {
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    level: "Metadata",
    auditID: "0f3c2a9e-1111-4222-8333-444455556666",
    stage: "ResponseComplete",
    requestURI: "/api/v1/namespaces/shop/pods/web-7d9c-abcde",
    verb: "get",
    user: { username: "alice", groups: ["devs", "system:authenticated"] },
    sourceIPs: ["10.0.0.7"],
    userAgent: "kubectl/v1.31.0",
    objectRef: { resource: "pods", namespace: "shop", name: "web-7d9c-abcde", apiVersion: "v1" },
    responseStatus: { metadata: {}, code: 200 },
    requestReceivedTimestamp: micro(-5),
    stageTimestamp: micro(),
    annotations: { "authorization.k8s.io/decision": "allow" },
    ...over,
  };
}

const execEvent = () =>
  ev({
    verb: "create",
    level: "Request",
    stage: "ResponseStarted",
    requestURI: "/api/v1/namespaces/shop/pods/web-7d9c-abcde/exec?command=sh&container=app&stdin=true&tty=true",
    objectRef: { resource: "pods", namespace: "shop", name: "web-7d9c-abcde", subresource: "exec", apiVersion: "v1" },
    responseStatus: { metadata: {}, code: 101 },
  });

describe("normalizeAuditEvent: raw Events", () => {
  it("maps a v1 event and keeps the original record in attributes", () => {
    const raw = ev();
    const e = normalizeAuditEvent(raw, CLUSTER);
    expect(e).toMatchObject({
      cluster: CLUSTER, layer: "audit", source: "k8s-audit", severity: "info",
      actor: "alice", actorType: "user", verb: "get", resource: "pods", subresource: null,
      namespace: "shop", objectName: "web-7d9c-abcde", pod: "web-7d9c-abcde", code: 200, sourceIp: "10.0.0.7",
    });
    expect(e.ts.getTime()).toBe(Math.floor(now));
    expect(e.attributes).toMatchObject({ auditID: raw.auditID, userAgent: "kubectl/v1.31.0", level: "Metadata", stage: "ResponseComplete" });
    expect(e.attributes.user).toEqual({ username: "alice", groups: ["devs", "system:authenticated"] });
    // Date holds milliseconds only; the microsecond text is kept for storage.
    expect(e.tsText).toBe(raw.stageTimestamp);
    expect(e.attributes.wrapper).toBeUndefined();
  });

  it("maps a v1beta1 event, which also has a `timestamp` field", () => {
    const e = normalizeAuditEvent(ev({ apiVersion: "audit.k8s.io/v1beta1", timestamp: iso(-60_000).replace(/\.\d+/, "") }), CLUSTER);
    expect(e.verb).toBe("get");
    expect(e.ts.getTime()).toBe(Math.floor(now)); // stageTimestamp wins over timestamp
  });

  it("maps an event without apiVersion and falls back to requestReceivedTimestamp, then timestamp", () => {
    const { apiVersion: _a, stageTimestamp: _s, ...noVersion } = ev();
    expect(normalizeAuditEvent(noVersion, CLUSTER).ts.getTime()).toBe(Math.floor(now - 5));
    const { requestReceivedTimestamp: _r, ...onlyTimestamp } = noVersion;
    const e = normalizeAuditEvent({ ...onlyTimestamp, timestamp: "2024-02-03T04:05:06Z" }, CLUSTER);
    expect(e.ts.toISOString()).toBe("2024-02-03T04:05:06.000Z");
    expect(e.tsText).toBeUndefined();
  });

  it("classifies actors", () => {
    const type = (username: string) => normalizeAuditEvent(ev({ user: { username } }), CLUSTER).actorType;
    expect(type("system:serviceaccount:kube-system:replicaset-controller")).toBe("serviceaccount");
    expect(type("system:node:worker-1")).toBe("node");
    expect(type("system:anonymous")).toBe("anonymous");
    expect(type("system:kube-controller-manager")).toBe("system");
    expect(type("bob@example.com")).toBe("user");
    const noUser = normalizeAuditEvent(ev({ user: undefined }), CLUSTER);
    expect([noUser.actor, noUser.actorType]).toEqual([null, null]);
  });

  it("records impersonation and shows it in the message", () => {
    const e = normalizeAuditEvent(execEvent(), CLUSTER);
    expect(e.impersonated).toBeNull();
    const imp = normalizeAuditEvent({ ...execEvent(), impersonatedUser: { username: "system:serviceaccount:shop:deployer", groups: [] } }, CLUSTER);
    expect(imp.actor).toBe("alice");
    expect(imp.impersonated).toBe("system:serviceaccount:shop:deployer");
    expect(imp.message).toBe("alice as system:serviceaccount:shop:deployer create pods/exec shop/web-7d9c-abcde → 101");
  });

  it("maps pods/exec to verb create, resource pods, subresource exec and the pod", () => {
    const e = normalizeAuditEvent(execEvent(), CLUSTER);
    expect(e).toMatchObject({ verb: "create", resource: "pods", subresource: "exec", namespace: "shop", pod: "web-7d9c-abcde", container: "app", code: 101, severity: "notice" });
    expect(e.message).toBe("alice create pods/exec shop/web-7d9c-abcde → 101");
  });

  it("takes workload and node from the pod body, or from the object itself", () => {
    const pod = normalizeAuditEvent(ev({
      verb: "create", requestURI: "/api/v1/namespaces/shop/pods",
      objectRef: { resource: "pods", namespace: "shop", apiVersion: "v1" },
      user: { username: "system:serviceaccount:kube-system:replicaset-controller" },
      requestObject: { kind: "Pod", metadata: { generateName: "web-7d9c-", ownerReferences: [{ kind: "ReplicaSet", name: "web-7d9c", controller: true }] }, spec: { nodeName: "worker-2" } },
      responseObject: { kind: "Pod", metadata: { name: "web-7d9c-xyz12", namespace: "shop" } },
      responseStatus: { code: 201 },
    }), CLUSTER);
    expect(pod).toMatchObject({ workload: "web-7d9c", node: "worker-2", pod: "web-7d9c-xyz12", objectName: "web-7d9c-xyz12" });
    const deploy = normalizeAuditEvent(ev({ verb: "patch", objectRef: { resource: "deployments", namespace: "shop", name: "web", apiGroup: "apps" } }), CLUSTER);
    expect([deploy.workload, deploy.pod]).toEqual(["web", null]);
    const node = normalizeAuditEvent(ev({ objectRef: { resource: "nodes", name: "worker-3" } }), CLUSTER);
    expect([node.node, node.namespace]).toEqual(["worker-3", null]);
    const binding = normalizeAuditEvent(ev({ verb: "create", objectRef: { resource: "pods", subresource: "binding", namespace: "shop", name: "p" }, requestObject: { kind: "Binding", target: { kind: "Node", name: "worker-4" } } }), CLUSTER);
    expect(binding.node).toBe("worker-4");
  });

  it("accepts only a valid IPv4/IPv6 first source IP", () => {
    const ip = (sourceIPs: unknown) => normalizeAuditEvent(ev({ sourceIPs }), CLUSTER).sourceIp;
    expect(ip(["2001:db8::1", "10.0.0.1"])).toBe("2001:db8::1");
    expect(ip(["::1"])).toBe("::1");
    expect(ip(["not-an-ip", "10.0.0.1"])).toBeNull();
    expect(ip(["999.1.1.1"])).toBeNull();
    expect(ip(["fe80::1%eth0"])).toBeNull(); // zone ids do not fit Postgres inet
    expect(ip([42])).toBeNull();
    expect(ip("10.0.0.1")).toBeNull();
    expect(ip(undefined)).toBeNull();
  });

  it("maps severity from the response code and the verb", () => {
    const sev = (verb: string, code?: number, stage = "ResponseComplete") =>
      normalizeAuditEvent(ev({ verb, stage, responseStatus: code === undefined ? undefined : { code } }), CLUSTER).severity;
    expect(sev("get", 200)).toBe("info");
    expect(sev("list")).toBe("info");
    for (const v of ["create", "update", "patch", "delete", "deletecollection"]) expect(sev(v, 201)).toBe("notice");
    expect(sev("get", 401)).toBe("warning");
    expect(sev("create", 403)).toBe("warning");
    expect(sev("get", 404)).toBe("warning");
    expect(sev("get", 500)).toBe("error");
    expect(sev("delete", 503)).toBe("error");
    expect(sev("get", undefined, "Panic")).toBe("error");
  });

  it("writes readable messages for cluster-scoped and non-resource requests", () => {
    const ns = normalizeAuditEvent(ev({ verb: "create", user: { username: "system:anonymous" }, objectRef: { resource: "namespaces", name: "foo" }, responseStatus: { code: 201 } }), CLUSTER);
    expect(ns.message).toBe("system:anonymous create namespaces foo → 201");
    expect(ns.namespace).toBe("foo");
    const { objectRef: _o, ...nonResource } = ev({ requestURI: "/healthz?verbose=1", responseStatus: { code: 403 } });
    expect(normalizeAuditEvent(nonResource, CLUSTER).message).toBe("alice get /healthz → 403");
  });

  it("rejects what is not an audit event with a reason", () => {
    const reason = (raw: unknown) => {
      try {
        normalizeAuditEvent(raw, CLUSTER);
      } catch (err) {
        expect(err).toBeInstanceOf(RecordError);
        return (err as Error).message;
      }
      throw new Error("expected a RecordError");
    };
    expect(reason({ kind: 0 })).toMatch(/not a Kubernetes audit event/);
    expect(reason({ hello: "world" })).toMatch(/no verb, requestURI or objectRef/);
    expect(reason("a string")).toMatch(/expected a JSON object, got string/);
    expect(reason([ev()])).toMatch(/got array/);
    expect(reason({ kind: "Event", apiVersion: "v1", reason: "BackOff", involvedObject: {} })).toMatch(/apiVersion "v1" is not audit\.k8s\.io/);
    expect(reason({ kind: "EventList", items: [] })).toMatch(/EventList/);
    expect(reason(ev({ verb: undefined }))).toMatch(/without a verb/);
    expect(reason(ev({ requestURI: undefined, objectRef: undefined }))).toMatch(/neither a requestURI nor an objectRef/);
    expect(reason(ev({ stageTimestamp: "yesterday" }))).toMatch(/bad timestamp in stageTimestamp/);
    expect(reason(ev({ stageTimestamp: 1700000000 }))).toMatch(/bad timestamp in stageTimestamp/);
    expect(reason(ev({ stageTimestamp: undefined, requestReceivedTimestamp: undefined }))).toMatch(/no timestamp/);
  });
});

describe("normalizeAuditEvent: cloud wrappers", () => {
  const aks = (log: unknown, category = "kube-audit") => ({
    category,
    operationName: "Microsoft.ContainerService/managedClusters/diagnosticLogs/Read",
    properties: { log, pod: "kube-apiserver-5f6b7c-abcde", stream: "stdout", containerID: "c0ffee" },
    resourceId: "/SUBSCRIPTIONS/0000/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/PROD-AKS",
    time: iso(),
  });

  it("unwraps an AKS record whose properties.log is an object", () => {
    const e = normalizeAuditEvent(aks(execEvent(), "kube-audit-admin"), CLUSTER);
    expect(e).toMatchObject({ source: "k8s-audit-aks", cluster: CLUSTER, verb: "create", subresource: "exec", pod: "web-7d9c-abcde" });
    expect(e.attributes.auditID).toBe(execEvent().auditID);
    expect(e.attributes.wrapper).toMatchObject({ format: "aks", category: "kube-audit-admin", clusterName: "PROD-AKS", properties: { pod: "kube-apiserver-5f6b7c-abcde" } });
    expect((e.attributes.wrapper as { properties: object }).properties).not.toHaveProperty("log");
  });

  it("unwraps an AKS record whose properties.log is an escaped JSON string", () => {
    const e = normalizeAuditEvent(aks(JSON.stringify(ev({ verb: "update", user: { username: "aksService" } }))), CLUSTER);
    expect(e).toMatchObject({ source: "k8s-audit-aks", verb: "update", actor: "aksService", namespace: "shop" });
    expect(() => normalizeAuditEvent(aks("{not json"), CLUSTER)).toThrow(/properties\.log .* not valid JSON/);
    expect(() => normalizeAuditEvent(aks(ev(), "guard"), CLUSTER)).toThrow(/category "guard" is not a kube-audit log/);
  });

  const gke = (over: Record<string, unknown> = {}) => ({
    protoPayload: {
      "@type": "type.googleapis.com/google.cloud.audit.AuditLog",
      authenticationInfo: { principalEmail: "carol@example.com" },
      methodName: "io.k8s.core.v1.pods.exec.create",
      requestMetadata: { callerIp: "203.0.113.9", callerSuppliedUserAgent: "kubectl/v1.30.2" },
      resourceName: "core/v1/namespaces/shop/pods/web-7d9c-abcde/exec",
      serviceName: "k8s.io",
      status: { code: 0 },
      ...over,
    },
    insertId: "abc123",
    resource: { type: "k8s_cluster", labels: { cluster_name: "gke-prod", location: "europe-west1", project_id: "p" } },
    timestamp: micro(),
    labels: { "authorization.k8s.io/decision": "allow" },
    operation: { id: "op-1", producer: "k8s.io", first: true, last: true },
    receiveTimestamp: iso(1000),
  });

  it("maps a GKE LogEntry and takes the cluster from resource.labels", () => {
    const e = normalizeAuditEvent(gke(), CLUSTER);
    expect(e).toMatchObject({
      source: "k8s-audit-gke", cluster: "gke-prod", actor: "carol@example.com", actorType: "user", sourceIp: "203.0.113.9",
      verb: "create", resource: "pods", subresource: "exec", namespace: "shop", pod: "web-7d9c-abcde", objectName: "web-7d9c-abcde",
      code: 200, severity: "notice",
    });
    expect(e.ts.getTime()).toBe(Math.floor(now));
    expect(e.attributes).toMatchObject({ auditID: "op-1", userAgent: "kubectl/v1.30.2", annotations: { "authorization.k8s.io/decision": "allow" } });
    expect(e.attributes.wrapper).toMatchObject({ format: "gke", insertId: "abc123", protoPayload: { methodName: "io.k8s.core.v1.pods.exec.create" } });
  });

  it("maps GKE gRPC status codes, non-resource paths and placeholder IPs", () => {
    const denied = normalizeAuditEvent(gke({ status: { code: 7, message: "PERMISSION_DENIED" } }), CLUSTER);
    expect([denied.code, denied.severity]).toEqual([403, "warning"]);
    const health = normalizeAuditEvent(gke({ methodName: "io.k8s.get", resourceName: "readyz", requestMetadata: { callerIp: "gce-internal-ip" }, status: undefined }), CLUSTER);
    expect(health).toMatchObject({ verb: "get", resource: null, code: null, sourceIp: null, message: "carol@example.com get /readyz" });
    expect(() => normalizeAuditEvent(gke({ serviceName: "container.googleapis.com", methodName: "google.container.v1.ClusterManager.CreateCluster" }), CLUSTER)).toThrow(/not a Kubernetes API audit event/);
  });

  it("parses GKE method and resource names", () => {
    expect(parseGkeMethod("io.k8s.authorization.rbac.v1.clusterroles.create")).toEqual({ verb: "create", ref: { resource: "clusterroles", subresource: undefined } });
    expect(parseGkeResourceName("apps/v1/namespaces/shop/deployments/web")).toMatchObject({ apiGroup: "apps", namespace: "shop", resource: "deployments", name: "web" });
    expect(parseGkeResourceName("core/v1/nodes/gke-node-1")).toMatchObject({ apiGroup: "", resource: "nodes", name: "gke-node-1" });
    expect(parseGkeResourceName("core/v1/namespaces/kube-system")).toMatchObject({ resource: "namespaces", name: "kube-system" });
    expect(parseGkeResourceName("readyz")).toBeNull();
  });
});

describe("parseAuditBody / normalizeAuditBody", () => {
  it("accepts an EventList, a single object and a JSON array", () => {
    const list = { kind: "EventList", apiVersion: "audit.k8s.io/v1", metadata: {}, items: [ev(), execEvent()] };
    expect(parseAuditBody(JSON.stringify(list)).records).toHaveLength(2);
    expect(parseAuditBody(JSON.stringify(ev())).records).toHaveLength(1);
    expect(parseAuditBody(JSON.stringify([ev(), ev(), ev()])).records).toHaveLength(3);
    expect(parseAuditBody(JSON.stringify(list, null, 2)).records).toHaveLength(2); // pretty-printed is one value, not NDJSON
    const out = normalizeAuditBody(JSON.stringify(list), CLUSTER);
    expect(out.events.map((e) => e.subresource)).toEqual([null, "exec"]);
    expect(out.rejected).toEqual([]);
  });

  it("reads NDJSON and rejects only the broken line", () => {
    const lines = [JSON.stringify(ev()), "", '{"kind":"Event","verb":', JSON.stringify(execEvent()), JSON.stringify({ kind: 0 }), ""];
    const parsed = parseAuditBody(lines.join("\r\n"));
    expect(parsed.records).toHaveLength(3);
    expect(parsed.rejected).toEqual([{ index: 2, reason: expect.stringMatching(/^line 3 is not valid JSON/), raw: '{"kind":"Event","verb":' }]);

    const out = normalizeAuditBody(lines.join("\n"), CLUSTER);
    expect(out.events.map((e) => e.verb)).toEqual(["get", "create"]);
    expect(out.rejected.map((r) => [r.index, r.reason])).toEqual([
      [2, expect.stringMatching(/not valid JSON/)],
      [4, expect.stringMatching(/not a Kubernetes audit event/)],
    ]);
    expect(out.rejected[1].raw).toBe('{"kind":0}');
  });

  it("truncates a rejected raw line to 64 KiB", () => {
    const huge = "{" + "x".repeat(70 * 1024);
    const { rejected } = parseAuditBody([JSON.stringify(ev()), huge].join("\n"));
    expect(new TextEncoder().encode(rejected[0].raw).length).toBe(64 * 1024);
  });

  it("throws RecordError only for an empty or wholly undecodable body", () => {
    expect(() => parseAuditBody("")).toThrow(RecordError);
    expect(() => parseAuditBody("  \n\n ")).toThrow(/empty body/);
    expect(() => parseAuditBody("hello\nworld")).toThrow(/body is not an audit Event, EventList, JSON array or NDJSON: line 1 is not valid JSON/);
    expect(normalizeAuditBody("42", CLUSTER).rejected[0]).toMatchObject({ index: 0, reason: expect.stringMatching(/got number/) });
  });
});
