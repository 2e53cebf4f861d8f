/**
 * Conformance over the shared read-only corpus of real audit logs (Falco trace
 * files captured on minikube, Elastic's raw/GKE/AKS test lines). Values asserted
 * here were read from the files; see /work/shared/corpus/SOURCES.md.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NormalizedEvent } from "@/lib/events/types";
import { normalizeAuditBody } from "./normalize";

const ROOT = path.resolve(process.cwd(), "../shared/corpus/k8s-audit");
const FALCO = path.join(ROOT, "falco-trace-files");
const ELASTIC = path.join(ROOT, "elastic-integrations");
const exists = fs.existsSync(FALCO) && fs.existsSync(ELASTIC);
if (!exists) console.warn(`corpus not found at ${ROOT}, skipping`);

const CLUSTER = "token-cluster";
/** The one Falco trace file that is not an audit event (`{"kind": 0}`). */
const NOT_AUDIT = "fal_01_003.json";

// Normalized events per file. Multi-line files and blank lines are NDJSON.
const COUNTS: Record<string, number> = {
  "create_configmap_sensitive_values.json": 6,
  "elastic-integrations/test-audit.log": 5,
  "elastic-integrations/test-kube-audit.log": 1,
  [NOT_AUDIT]: 0,
};
const EXPECTED_FALCO_FILES = 47;

function load(rel: string): { text: string; out: ReturnType<typeof normalizeAuditBody> } {
  const file = rel.startsWith("elastic-integrations/") ? path.join(ROOT, rel) : path.join(FALCO, rel);
  const text = fs.readFileSync(file, "utf8");
  return { text, out: normalizeAuditBody(text, CLUSTER) };
}
function one(rel: string): NormalizedEvent {
  const { out } = load(rel);
  expect(out.events).toHaveLength(1);
  return out.events[0];
}

describe.skipIf(!exists)("k8s-audit corpus conformance", () => {
  const falcoFiles = exists ? fs.readdirSync(FALCO).filter((f) => f.endsWith(".json")).sort() : [];

  it("finds every Falco trace file", () => {
    expect(falcoFiles).toHaveLength(EXPECTED_FALCO_FILES);
    expect(falcoFiles).toContain(NOT_AUDIT);
  });

  it.each(falcoFiles.filter((f) => f !== NOT_AUDIT))("%s: every line normalizes", (f) => {
    const { text, out } = load(f);
    const lines = text.split("\n").filter((l) => l.trim() !== "").length;
    expect(out.rejected).toEqual([]);
    expect(out.events).toHaveLength(COUNTS[f] ?? 1);
    expect(out.events).toHaveLength(lines);
    for (const e of out.events) {
      expect(e).toMatchObject({ layer: "audit", source: "k8s-audit", cluster: CLUSTER });
      expect(Number.isNaN(e.ts.getTime())).toBe(false);
      expect(e.ts.getUTCFullYear()).toBeGreaterThanOrEqual(2018);
      expect(e.verb).toMatch(/^[a-z]+$/);
      expect(e.actor).toBeTruthy();
      expect(e.sourceIp).toMatch(/^(192\.168\.(99|64)\.1|127\.0\.0\.1|::1)$/);
      // attributes carry the untouched original event
      expect(e.attributes.auditID).toEqual(expect.any(String));
      expect(e.attributes.wrapper).toBeUndefined();
    }
  });

  it(`${NOT_AUDIT} is rejected with a reason, not thrown`, () => {
    const { out } = load(NOT_AUDIT);
    expect(out.events).toHaveLength(COUNTS[NOT_AUDIT]);
    expect(out.rejected).toEqual([{ index: 0, reason: expect.stringMatching(/not a Kubernetes audit event/), raw: '{"kind":0}' }]);
  });

  it("exec_pod.json: kubectl exec", () => {
    expect(one("exec_pod.json")).toMatchObject({
      verb: "create", resource: "pods", subresource: "exec", namespace: "default",
      pod: "nginx-deployment-7998647bdf-phvq7", objectName: "nginx-deployment-7998647bdf-phvq7", container: "nginx1",
      actor: "minikube-user", actorType: "user", code: 101, severity: "notice", sourceIp: "192.168.99.1",
    });
  });

  it("attach_pod.json: kubectl attach", () => {
    const e = one("attach_pod.json");
    expect(e).toMatchObject({ verb: "create", resource: "pods", subresource: "attach", namespace: "default", pod: "nginx-deployment-7998647bdf-phvq7", code: 101 });
    expect(e.ts.toISOString()).toBe("2018-10-26T13:42:46.808Z");
    expect(e.tsText).toBe("2018-10-26T13:42:46.808261Z");
  });

  it("anonymous_creates_namespace_foo.json: anonymous actor (v1beta1)", () => {
    const e = one("anonymous_creates_namespace_foo.json");
    expect(e).toMatchObject({ actor: "system:anonymous", actorType: "anonymous", verb: "create", resource: "namespaces", objectName: "foo", namespace: "foo", code: 201 });
    expect(e.attributes.apiVersion).toBe("audit.k8s.io/v1beta1");
    expect(e.message).toBe("system:anonymous create namespaces foo → 201");
  });

  it("create_nginx_pod_privileged.json: controller-made pod, name from the response", () => {
    const e = one("create_nginx_pod_privileged.json");
    expect(e).toMatchObject({
      verb: "create", resource: "pods", subresource: null, namespace: "default",
      objectName: "nginx-deployment-5cdcc99dbf-rgw6z", pod: "nginx-deployment-5cdcc99dbf-rgw6z", workload: "nginx-deployment-5cdcc99dbf",
      actor: "system:serviceaccount:kube-system:replicaset-controller", actorType: "serviceaccount", sourceIp: "::1", code: 201,
    });
    const spec = (e.attributes.requestObject as { spec: { containers: { securityContext: object }[] } }).spec;
    expect(spec.containers[0].securityContext).toEqual({ privileged: true });
  });

  it("create_nginx_pod_unsensitive_mount.json is really a kubelet GET (node actor, node from the response)", () => {
    expect(one("create_nginx_pod_unsensitive_mount.json")).toMatchObject({
      verb: "get", actor: "system:node:minikube", actorType: "node", node: "minikube", pod: "nginx-deployment-6dfd8b84dc-6dkjc", severity: "info",
    });
  });

  it("other real fields: system actor, deployments workload, patch, delete", () => {
    expect(one("create_service_account_token_secret.json")).toMatchObject({ actor: "system:kube-controller-manager", actorType: "system", namespace: "test2", resource: "secrets" });
    expect(one("create_deployment.json")).toMatchObject({ resource: "deployments", workload: "nginx-deployment", namespace: "default" });
    expect(one("modify_cluster_role_node_problem_detector.json")).toMatchObject({ verb: "patch", resource: "clusterroles", objectName: "system:node-problem-detector", namespace: null });
    expect(one("delete_secret.json")).toMatchObject({ verb: "delete", resource: "secrets", objectName: "example-secret", code: 200, severity: "notice" });
  });

  it("elastic test-audit.log: 3 raw v1 events, a GKE entry and an AKS object record", () => {
    const { out } = load("elastic-integrations/test-audit.log");
    expect(out.rejected).toEqual([]);
    expect(out.events).toHaveLength(COUNTS["elastic-integrations/test-audit.log"]);
    const [pod, lease1, lease2, gke, aks] = out.events;
    // upstream typo "serviceaccounts" (plural) makes this a generic system: user
    expect(pod).toMatchObject({ source: "k8s-audit", actor: "system:serviceaccounts:default:default", actorType: "system", verb: "get", pod: "my-pod", namespace: "default", sourceIp: "67.43.156.1" });
    for (const l of [lease1, lease2]) expect(l).toMatchObject({ actorType: "serviceaccount", resource: "leases", objectName: "elastic-agent-cluster-test", namespace: "kube-system" });
    expect(gke).toMatchObject({
      source: "k8s-audit-gke", cluster: "test-cluster", actor: "system:gke-master-healthcheck", actorType: "system",
      verb: "get", resource: null, code: 200, sourceIp: "67.43.156.1", message: "system:gke-master-healthcheck get /readyz → 200",
    });
    expect(gke.ts.toISOString()).toBe("2025-07-13T08:38:39.127Z");
    expect(aks).toMatchObject({ source: "k8s-audit-aks", cluster: CLUSTER, actor: "aksService", verb: "update", resource: "leases", namespace: "kube-system", severity: "notice" });
    expect(aks.attributes.wrapper).toMatchObject({ format: "aks", category: "kube-audit-admin", clusterName: "TEST-AKS" });
  });

  it("elastic test-kube-audit.log: AKS record with the Event as an escaped string", () => {
    const e = one("elastic-integrations/test-kube-audit.log");
    expect(e).toMatchObject({
      source: "k8s-audit-aks", cluster: CLUSTER, actor: "aksService", verb: "update", resource: "leases",
      namespace: "kube-system", objectName: "kubelet-serving-csr-approver", sourceIp: "172.31.51.172", code: 200,
    });
    expect(e.attributes.auditID).toBe("ad26f7bc-f1c6-4097-90f1-e0924e12f257");
    expect(e.attributes.wrapper).toMatchObject({ category: "kube-audit", properties: { pod: "kube-apiserver-869d7bb754-kkg69" } });
  });
});
