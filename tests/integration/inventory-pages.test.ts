/**
 * The entity pages' data: a stolen-token story across layers (audit exec →
 * Falco shell → container log) read back as one pod timeline, the node,
 * namespace and cluster pages, tampering signals and credentials.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDb } from "../setup/db";
import { auditEvent, eventList } from "../setup/fixtures";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { normalizeAuditBody } from "../../lib/ingest/audit/normalize";
import { normalizeFalcoBody } from "../../lib/ingest/falco/normalize";
import { normalizeLogsBody } from "../../lib/ingest/logs/normalize";
import { normalizeK8sEventsBody } from "../../lib/ingest/k8s-events/normalize";
import { syncBuiltinRules } from "../../lib/detect/rules";
import { getClusterOverview } from "../../lib/inventory/clusters";
import { getNodeDetail } from "../../lib/inventory/nodes";
import { getNamespaceDetail } from "../../lib/inventory/namespaces";
import { getPodDetail, podTimeline } from "../../lib/inventory/pods";
import { listCredentials } from "../../lib/inventory/credentials";
import { PodTimelineParams } from "../../lib/inventory/params";
import { MALLORY_CSR } from "./inventory-fixtures";

const db = testDb();
const C = "story-1";
const NODE = "ip-10-0-2-41.eu-west-1.compute.internal";
const NS = "payments";
const POD = "payments-api-5d8f7c6b9-k2x7p";
const THIEF = "system:serviceaccount:payments:payments-api";
const t0 = Date.now() - 30 * 60_000;
const at = (sec: number) => new Date(t0 + sec * 1000);
const ctx = { cluster: C, contentType: "application/json" };
const buf = (v: unknown) => Buffer.from(JSON.stringify(v));
const range = { from: "now-2h", to: "now" };

async function audit(items: object[]) {
  const r = normalizeAuditBody(JSON.stringify(eventList(items)), C);
  expect(r.rejected).toEqual([]);
  await ingestEvents(db, r.events);
}
function kubeEvent(reason: string, sec: number, extra: object = {}) {
  return { kind: "Event", apiVersion: "v1", metadata: { name: `${POD}.${reason}`, namespace: NS }, reason, message: `${reason} happened`, type: "Normal",
    involvedObject: { kind: "Pod", namespace: NS, name: POD, fieldPath: "spec.containers{api}" }, source: { component: "kubelet", host: NODE },
    firstTimestamp: at(sec).toISOString(), lastTimestamp: at(sec).toISOString(), count: 1, ...extra };
}
function log(line: string, sec: number, pod = POD) {
  return { time: at(sec).toISOString(), stream: "stderr", _p: "F", log: line,
    kubernetes: { pod_name: pod, namespace_name: NS, container_name: "api", host: NODE, container_image: "ghcr.io/acme/payments-api:1.4",
      docker_id: "aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44ee55ff66aa11bb22cc33dd44" } };
}

beforeAll(async () => {
  await resetDb(db);
  await syncBuiltinRules(db);
  // Lifecycle: scheduler binds, kubelet starts the container.
  await audit([{ ...auditEvent({ verb: "create", subresource: "binding", namespace: NS, name: POD, user: "system:kube-scheduler", code: 201, at: at(0) }) }]);
  const ev = normalizeK8sEventsBody(buf({ kind: "EventList", items: [kubeEvent("Scheduled", 1), kubeEvent("Pulled", 3), kubeEvent("Started", 5),
    kubeEvent("BackOff", 7, { type: "Warning", count: 3 })] }), ctx);
  await ingestEvents(db, ev.events);
  // Plenty of ordinary container logs before the story.
  const chatter = Array.from({ length: 30 }, (_, i) => JSON.stringify(log(`GET /v1/charges 200 ${i}`, 10 + i)));
  await ingestEvents(db, normalizeLogsBody(Buffer.from(chatter.join("\n")), ctx).events);
  // The story: the stolen token execs in, Falco sees the shell, the container logs it.
  await audit([
    auditEvent({ verb: "list", resource: "secrets", namespace: "kube-system", name: "", user: THIEF, code: 403, at: at(100), uri: "/api/v1/namespaces/kube-system/secrets" }),
    auditEvent({ verb: "create", subresource: "exec", namespace: NS, name: POD, user: THIEF, code: 101, at: at(120), ip: "203.0.113.77",
      uri: `/api/v1/namespaces/${NS}/pods/${POD}/exec?command=sh&command=-c&command=id&container=api&stdin=true&tty=true` }),
  ]);
  await ingestEvents(db, normalizeFalcoBody(buf({
    time: at(121).toISOString(), rule: "Terminal shell in container", priority: "Notice", hostname: NODE, output: "A shell was spawned in a container",
    output_fields: { "k8s.ns.name": NS, "k8s.pod.name": POD, "container.name": "api", "container.id": "aa11bb22cc33", "proc.name": "sh" },
  }), ctx).events);
  await ingestEvents(db, normalizeLogsBody(Buffer.from(JSON.stringify(log("sh: can't access tty; job control turned off", 122))), ctx).events);
  await ingestEvents(db, normalizeFalcoBody(buf({
    time: at(130).toISOString(), rule: "Read sensitive file untrusted", priority: "Error", hostname: NODE, output: "Sensitive file opened: /etc/shadow",
    output_fields: { "k8s.ns.name": NS, "k8s.pod.name": POD, "container.name": "api", "container.id": "aa11bb22cc33", "fd.name": "/etc/shadow" },
  }), ctx).events);
  // Secrets, RBAC, tampering, credentials.
  await audit([
    auditEvent({ verb: "get", resource: "secrets", namespace: NS, name: "stripe-api-key", user: THIEF, at: at(200) }),
    auditEvent({ verb: "create", resource: "rolebindings", namespace: NS, name: "thief-admin", user: "alice@corp.example", code: 201, at: at(210) }),
    auditEvent({ verb: "delete", resource: "events", namespace: NS, name: `${POD}.BackOff`, user: THIEF, at: at(220) }),
    auditEvent({ verb: "patch", resource: "daemonsets", namespace: "logging", name: "fluent-bit", user: "alice@corp.example", at: at(230) }),
    auditEvent({ verb: "update", resource: "daemonsets", namespace: "logging", name: "fluent-bit", user: "system:serviceaccount:kube-system:daemon-set-controller", at: at(231) }),
    auditEvent({ verb: "update", resource: "configmaps", namespace: "falco", name: "falco-rules", user: "alice@corp.example", at: at(232) }),
    auditEvent({ verb: "update", resource: "configmaps", namespace: "payments", name: "payments-config", user: "alice@corp.example", at: at(233) }),
    auditEvent({ verb: "create", resource: "serviceaccounts", subresource: "token", namespace: "ci", name: "deployer", user: "bob@corp.example", code: 201, at: at(240) }),
    auditEvent({ verb: "create", resource: "serviceaccounts", subresource: "token", namespace: NS, name: "payments-api", user: `system:node:${NODE}`, code: 201, at: at(241) }),
    auditEvent({ verb: "get", resource: "pods", namespace: "ci", name: "", user: "system:serviceaccount:ci:deployer", at: at(300), uri: "/api/v1/namespaces/ci/pods" }),
  ]);
  // daemon-set-controller's status writes must not count as tampering.
  await audit([{ ...auditEvent({ verb: "update", resource: "daemonsets", subresource: "status", namespace: "logging", name: "fluent-bit",
    user: "system:serviceaccount:kube-system:daemon-set-controller", at: at(235) }) }]);
});
afterAll(() => db.pool.end());

const key = { cluster: C, namespace: NS, pod: POD };
const timeline = (p: object = {}) => podTimeline(db, key, PodTimelineParams.parse({ ...range, ...p }));

describe("pod page", () => {
  it("one cross-layer timeline reads as the story: exec → Falco shell → container log, newest first", async () => {
    const { events } = await timeline({ limit: 10 });
    const story = events.filter((e) => Date.parse(e.ts) >= at(120).getTime() && Date.parse(e.ts) <= at(122).getTime()).reverse();
    expect(story.map((e) => [e.layer, e.layer === "audit" ? e.actor : e.message.slice(0, 20)])).toEqual([
      ["audit", THIEF], ["runtime", "A shell was spawned "], ["container", "sh: can't access tty"],
    ]);
  });

  it("pages by cursor without gaps or repeats; the layer filter drops the log flood", async () => {
    const all = await timeline({ limit: 1000 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await timeline({ limit: 7, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.events.map((e) => e.id));
    const quiet = await timeline({ layers: "audit,runtime" });
    expect(new Set(quiet.events.map((e) => e.layer))).toEqual(new Set(["audit", "runtime"]));
    expect(quiet.events.some((e) => e.subresource === "exec")).toBe(true);
    const byContainer = await timeline({ container: "api", layers: "runtime" });
    expect(byContainer.events).toHaveLength(2);
  });

  it("detail: container and image, owner workload, node, lifecycle in order, exec history with who and what", async () => {
    const d = await getPodDetail(db, key, range);
    expect(d.pod).toMatchObject({ node: NODE, workload: "payments-api" });
    expect(d.containers).toEqual([expect.objectContaining({ name: "api", image: "ghcr.io/acme/payments-api:1.4", containerId: "aa11bb22cc33" })]);
    expect(d.lifecycle.map((s) => s.step)).toEqual(["create binding", "Scheduled", "Pulled", "Started", "BackOff"]);
    expect(d.lifecycle.find((s) => s.step === "create binding")?.actor).toBe("system:kube-scheduler");
    expect(d.lifecycle.find((s) => s.step === "BackOff")).toMatchObject({ warning: true, container: "api" });
    expect(d.execs).toEqual([expect.objectContaining({ actor: THIEF, subresource: "exec", command: "sh -c id", container: "api", code: 101, sourceIp: "203.0.113.77" })]);
    expect(d.alerts.map((a) => a.ruleName)).toContain("Exec or attach into a pod");
  });

  it("an unknown pod is 404", async () => {
    await expect(getPodDetail(db, { ...key, pod: "nope" }, range)).rejects.toMatchObject({ status: 404 });
  });
});

describe("node, namespace and cluster pages", () => {
  it("node: its pods, runtime alerts and kubelet Events (no container logs)", async () => {
    const d = await getNodeDetail(db, C, NODE, range);
    expect(d.pods.map((p) => p.name)).toEqual([POD]);
    expect(d.runtime.map((e) => e.message)).toEqual(["Sensitive file opened: /etc/shadow", "A shell was spawned in a container"]);
    expect(d.kubeEvents).toHaveLength(4);
    expect(d.nodeLogs).toEqual([]);
    expect(d.alerts.length).toBeGreaterThan(0);
    await expect(getNodeDetail(db, C, "no-such-node", range)).rejects.toMatchObject({ status: 404 });
  });

  it("namespace: workloads, RBAC changes, secret access", async () => {
    const d = await getNamespaceDetail(db, C, NS, range);
    expect(d.workloads).toEqual([expect.objectContaining({ name: "payments-api", pods: 1 })]);
    expect(d.rbacChanges.map((e) => e.objectName)).toEqual(["thief-admin"]);
    expect(d.secretAccess.map((e) => [e.actor, e.objectName])).toEqual([[THIEF, "stripe-api-key"]]);
  });

  it("cluster: histogram sums to the stored events, top actors by activity and denials, high severity, tampering", async () => {
    const o = await getClusterOverview(db, C, range);
    const stored = Number((await db.pool.query("SELECT count(*) FROM events WHERE cluster = $1", [C])).rows[0].count);
    expect(o.histogram.buckets.reduce((n, b) => n + b.total, 0)).toBe(stored);
    expect(o.topActors.byDenied).toEqual([expect.objectContaining({ actor: THIEF, denied: 1 })]);
    expect(o.topActors.byActivity.slice(0, 2)).toEqual([
      expect.objectContaining({ actor: "alice@corp.example", events: 4, denied: 0 }),
      expect.objectContaining({ actor: THIEF, events: 4, denied: 1 }),
    ]);
    expect(o.highSeverity.map((e) => e.message)).toEqual(["Sensitive file opened: /etc/shadow"]);
    expect(o.tampering.map((s) => [s.kind, s.event.objectName, s.event.actor])).toEqual([
      ["agent-config-changed", "falco-rules", "alice@corp.example"],
      ["agent-workload-changed", "fluent-bit", "system:serviceaccount:kube-system:daemon-set-controller"],
      ["agent-workload-changed", "fluent-bit", "alice@corp.example"],
      ["events-deleted", `${POD}.BackOff`, THIEF],
    ]);
    expect(o.counts).toMatchObject({ nodes: 1, pods: 1, containers: 1 });
    expect(o.openAlerts.length).toBeGreaterThan(0);
  });
});

describe("credentials", () => {
  it("lists token requests with creator and identity; a human's token for an identity later seen acting; kubelet issuance is routine", async () => {
    const { credentials } = await listCredentials(db, { ...range, cluster: C, limit: 100 });
    expect(credentials.map((c) => [c.kind, c.creator, c.identity, c.routine])).toEqual([
      ["serviceaccount-token", `system:node:${NODE}`, `system:serviceaccount:${NS}:payments-api`, true],
      ["serviceaccount-token", "bob@corp.example", "system:serviceaccount:ci:deployer", false],
    ]);
    expect(credentials[1].seenActing).toMatchObject({ first: at(300).toISOString(), requests: 1 });
    // Routine issuance is not looked up.
    expect(credentials[0].seenActing).toBeNull();
    expect((await listCredentials(db, { ...range, cluster: "other", limit: 100 })).credentials).toEqual([]);
  });

  it("CSRs name their identity (the request's CN); approvals and token Secrets are listed too", async () => {
    const csrSpec = { request: MALLORY_CSR, signerName: "kubernetes.io/kube-apiserver-client", usages: ["client auth"] };
    const csr = { ...auditEvent({ verb: "create", resource: "certificatesigningrequests", namespace: "", name: "mallory-csr", user: "dave@corp.example", code: 201, at: at(400) }),
      level: "RequestResponse", objectRef: { resource: "certificatesigningrequests", name: "mallory-csr", apiGroup: "certificates.k8s.io", apiVersion: "v1" },
      requestURI: "/apis/certificates.k8s.io/v1/certificatesigningrequests",
      requestObject: { kind: "CertificateSigningRequest", apiVersion: "certificates.k8s.io/v1", metadata: { name: "mallory-csr" }, spec: csrSpec } };
    const approval = { ...auditEvent({ verb: "update", resource: "certificatesigningrequests", subresource: "approval", namespace: "", name: "mallory-csr", user: "alice@corp.example", at: at(410) }),
      level: "RequestResponse", objectRef: { resource: "certificatesigningrequests", name: "mallory-csr", subresource: "approval", apiGroup: "certificates.k8s.io", apiVersion: "v1" },
      requestURI: "/apis/certificates.k8s.io/v1/certificatesigningrequests/mallory-csr/approval",
      requestObject: { kind: "CertificateSigningRequest", metadata: { name: "mallory-csr" }, spec: csrSpec, status: { conditions: [{ type: "Approved", status: "True" }] } } };
    const secret = { ...auditEvent({ verb: "create", resource: "secrets", namespace: "ci", name: "deployer-token", user: "bob@corp.example", code: 201, at: at(420) }),
      level: "RequestResponse",
      requestObject: { kind: "Secret", type: "kubernetes.io/service-account-token", metadata: { name: "deployer-token", annotations: { "kubernetes.io/service-account.name": "deployer" } } } };
    const plainSecret = auditEvent({ verb: "create", resource: "secrets", namespace: "ci", name: "db-password", user: "bob@corp.example", code: 201, at: at(421) });
    const acting = auditEvent({ verb: "list", resource: "secrets", namespace: "default", name: "", user: "mallory@evil.example", code: 403, at: at(500), uri: "/api/v1/namespaces/default/secrets" });
    await audit([csr, approval, secret, plainSecret, acting]);
    const { credentials } = await listCredentials(db, { from: at(399).toISOString(), to: "now", cluster: C, limit: 100 });
    expect(credentials.map((c) => [c.kind, c.creator, c.identity])).toEqual([
      ["token-secret", "bob@corp.example", "system:serviceaccount:ci:deployer"],
      ["csr-approval", "alice@corp.example", "mallory@evil.example"],
      ["csr", "dave@corp.example", "mallory@evil.example"],
    ]);
    expect(credentials[1].details).toMatchObject({ decision: "Approved", signer: "kubernetes.io/kube-apiserver-client" });
    expect(credentials[2].seenActing).toMatchObject({ first: at(500).toISOString(), last: at(500).toISOString(), requests: 1 });
    // The deployer token's identity acted at 300 s, before this Secret: not "later seen acting".
    expect(credentials[0].seenActing).toBeNull();
  });
});
