/**
 * Everyday API-server traffic: kubelets renewing leases, controllers,
 * Prometheus and Argo CD watching, apps reading their secrets, people running
 * kubectl and CI deploying. Weighted like a real audit log, where machines
 * dwarf humans and a small share of requests is denied or fails.
 */
import type { NormalizedEvent } from "@/lib/events/types";
import { AGENTS, ANON_GROUPS, auditEvent, NODE_GROUPS, SA_GROUPS, WHY, type AuditReq } from "./audit";
import { type Rng, weighted } from "./rng";
import { PEOPLE, type Cluster, type Estate, type Pod, type Workload } from "./topology";

type Activity = (rng: Rng, ms: number, sub: number, e: Estate) => AuditReq;

const APP_NAMESPACES = ["payments", "checkout", "frontend", "inventory"];
const watchQuery = (rng: Rng) => `allowWatchBookmarks=true&resourceVersion=${rng.range(10_000_000, 99_999_999)}&timeout=7m36s&timeoutSeconds=456&watch=true`;
const sa = (ns: string, name: string) => `system:serviceaccount:${ns}:${name}`;
const appWhys = new Map<string, string>();
function appWhy(ns: string, app: string): string {
  let why = appWhys.get(ns + "/" + app);
  if (!why) appWhys.set(ns + "/" + app, (why = WHY.app.replaceAll("APP", app).replaceAll("NAMESPACE", ns)));
  return why;
}

type Views = { apps: Workload[]; deployments: Workload[]; readers: Workload[]; prom: Pod; argo: Pod; podsByNs: Map<string, Pod[]> };
const viewCache = new WeakMap<Cluster, Views>();
/** Per-cluster lookups computed once, so no per-event filtering allocates. */
function views(cl: Cluster): Views {
  let v = viewCache.get(cl);
  if (v) return v;
  const apps = cl.workloads.filter((x) => APP_NAMESPACES.includes(x.namespace));
  const podsByNs = new Map<string, Pod[]>();
  for (const p of cl.pods) podsByNs.set(p.namespace, [...(podsByNs.get(p.namespace) ?? []), p]);
  v = {
    apps, deployments: apps.filter((x) => x.kind === "Deployment"), readers: cl.workloads.filter((x) => APP_SECRETS[x.name]),
    prom: cl.workloads.find((w) => w.name === "prometheus-k8s")!.pods[0], argo: cl.workloads.find((w) => w.name === "argocd-application-controller")!.pods[0], podsByNs,
  };
  viewCache.set(cl, v);
  return v;
}

const kubeletLease: Activity = (rng, ms, sub, e) => {
  const n = e.pickNode(rng);
  const base = { ms, sub, cluster: n.cluster, user: `system:node:${n.name}`, groups: NODE_GROUPS, ip: n.ip, agent: AGENTS.kubelet, why: WHY.node };
  if (rng.chance(0.25)) return { ...base, verb: "patch", resource: "nodes", name: n.name, subresource: "status" };
  // Lease renewals race now and then and lose with 409, which kubelets simply retry.
  return { ...base, verb: "update", resource: "leases", group: "coordination.k8s.io", ns: "kube-node-lease", name: n.name, query: "timeout=10s", code: rng.chance(0.004) ? 409 : 200 };
};

const kubeletPods: Activity = (rng, ms, sub, e) => {
  const p = e.pickPod(rng);
  const base = { ms, sub, cluster: p.cluster, user: `system:node:${p.node.name}`, groups: NODE_GROUPS, ip: p.node.ip, agent: AGENTS.kubelet, why: WHY.node, ns: p.namespace };
  const x = rng.next();
  if (x < 0.5) return { ...base, verb: "patch", resource: "pods", name: p.name, subresource: "status" };
  if (x < 0.75) return { ...base, verb: "get", resource: "pods", name: p.name };
  return { ...base, verb: "watch", resource: "configmaps", query: watchQuery(rng) };
};

const controllers: Activity = (rng, ms, sub, e) => {
  const cl = e.pickCluster(rng);
  const x = rng.next();
  if (x < 0.35 || x >= 0.7) {
    const kcm = x < 0.35;
    const who = kcm ? "kube-controller-manager" : "kube-scheduler";
    return { ms, sub, cluster: cl.name, user: `system:${who}`, groups: ["system:authenticated"], ip: cl.controlPlaneIp, agent: kcm ? AGENTS.kcm : AGENTS.scheduler,
      why: kcm ? WHY.kcm : WHY.scheduler, verb: rng.chance(0.5) ? "get" : "update", resource: "leases", group: "coordination.k8s.io", ns: "kube-system", name: who, query: "timeout=5s",
      code: rng.chance(0.0005) ? 500 : 200 };
  }
  const w = rng.pick(cl.workloads);
  return { ms, sub, cluster: cl.name, user: sa("kube-system", "endpointslice-controller"), groups: SA_GROUPS("kube-system"), ip: cl.controlPlaneIp, agent: AGENTS.controller,
    why: WHY.controller, verb: "update", resource: "endpointslices", group: "discovery.k8s.io", ns: w.namespace, name: `${w.name}-${rng.chars(5)}` };
};

const PROM_RESOURCES = ["pods", "endpoints", "services", "nodes"] as const;
const prometheus: Activity = (rng, ms, sub, e) => {
  const cl = e.pickCluster(rng);
  const prom = views(cl).prom;
  const resource = rng.pick(PROM_RESOURCES);
  const ns = resource === "nodes" ? undefined : rng.pick(APP_NAMESPACES);
  const watch = rng.chance(0.6);
  return { ms, sub, cluster: cl.name, user: sa("monitoring", "prometheus-k8s"), groups: SA_GROUPS("monitoring"), ip: prom.ip, agent: AGENTS.prometheus, why: WHY.prometheus,
    verb: watch ? "watch" : "list", resource, ns, query: watch ? watchQuery(rng) : "limit=500&resourceVersion=0" };
};

const argocd: Activity = (rng, ms, sub, e) => {
  const cl = e.pickCluster(rng);
  const ctl = views(cl).argo;
  const w = rng.pick(views(cl).apps);
  const x = rng.next();
  const verb = x < 0.55 ? "get" : x < 0.8 ? "list" : x < 0.95 ? "watch" : "patch";
  const group = w.kind === "Deployment" || w.kind === "StatefulSet" ? "apps" : undefined;
  const resource = w.kind === "StatefulSet" ? "statefulsets" : "deployments";
  const named = verb === "get" || verb === "patch";
  return { ms, sub, cluster: cl.name, user: sa("argocd", "argocd-application-controller"), groups: SA_GROUPS("argocd"), ip: ctl.ip, agent: AGENTS.argocd, why: WHY.argocd,
    verb, resource, group, ns: w.namespace, name: named ? w.name : undefined, query: verb === "watch" ? watchQuery(rng) : undefined };
};

/** Node agents (Fluent Bit's metadata lookups, Falco, the CNI) asking about the pods on their node. */
const daemons: Activity = (rng, ms, sub, e) => {
  const p = e.pickPod(rng);
  const x = rng.next();
  const agentName = x < 0.6 ? "fluent-bit" : x < 0.85 ? "falco" : "aws-node";
  const ns = agentName === "fluent-bit" ? "logging" : agentName === "falco" ? "falco" : "kube-system";
  const me = p.node;
  const base = { ms, sub, cluster: p.cluster, user: sa(ns, agentName), groups: SA_GROUPS(ns), ip: me.ip, agent: agentName === "fluent-bit" ? "fluent-bit" : AGENTS.goClient, why: WHY.view };
  if (agentName === "fluent-bit") return { ...base, verb: "get", resource: "pods", ns: p.namespace, name: p.name };
  if (agentName === "falco") return { ...base, verb: "watch", resource: rng.chance(0.7) ? "pods" : "namespaces", query: watchQuery(rng) };
  return { ...base, verb: "get", resource: "nodes", name: me.name };
};

const APP_SECRETS: Record<string, [string, string][]> = {
  "payments-api": [["secrets", "payments-db-credentials"], ["secrets", "stripe-api-key"], ["configmaps", "payments-config"]],
  "payments-worker": [["secrets", "payments-db-credentials"], ["configmaps", "payments-config"]],
  checkout: [["configmaps", "checkout-config"], ["secrets", "checkout-redis"]],
  inventory: [["configmaps", "inventory-config"]],
};
/** Apps reading their own configuration through the API: the baseline story (a)'s token theft departs from. */
const appReads: Activity = (rng, ms, sub, e) => {
  const cl = e.pickCluster(rng);
  const w = rng.pick(views(cl).readers);
  const p: Pod = rng.pick(w.pods);
  const [resource, name] = rng.pick(APP_SECRETS[w.name]);
  return { ms, sub, cluster: cl.name, user: sa(w.namespace, w.sa), groups: SA_GROUPS(w.namespace), ip: p.ip, why: appWhy(w.namespace, w.sa),
    agent: `${w.name}/v0.0.0 (linux/amd64) kubernetes/$Format`, verb: "get", resource, ns: w.namespace, name };
};

type HumanOp = { verb: string; resource: string; group?: string; version?: string; sub?: string; named?: boolean; q?: string; write?: boolean };
const pickHumanOp = weighted<HumanOp>([
  [{ verb: "list", resource: "pods", q: "limit=500" }, 30],
  [{ verb: "get", resource: "pods", named: true }, 10],
  [{ verb: "get", resource: "pods", sub: "log", named: true, q: "container=CONTAINER&tailLines=200" }, 10],
  [{ verb: "list", resource: "deployments", group: "apps", q: "limit=500" }, 10],
  [{ verb: "list", resource: "events", q: "fieldSelector=involvedObject.name%3DPOD&limit=500" }, 8],
  [{ verb: "list", resource: "services", q: "limit=500" }, 6],
  [{ verb: "list", resource: "pods", group: "metrics.k8s.io", version: "v1beta1" }, 5],
  [{ verb: "get", resource: "secrets", named: true }, 4],
  [{ verb: "patch", resource: "deployments", group: "apps", named: true, write: true, q: "fieldManager=kubectl-rollout" }, 3],
  [{ verb: "delete", resource: "pods", named: true, write: true }, 3],
  [{ verb: "list", resource: "nodes", q: "limit=500" }, 3],
]);
const HUMANS = PEOPLE.filter((p) => p.username !== "ci-bot");

const humans: Activity = (rng, ms, sub, e) => {
  const who = rng.pick(HUMANS);
  const cl = e.pickCluster(rng);
  // Admins check what an app's service account may do with `kubectl --as=…`.
  if (who === HUMANS[0] && rng.chance(0.04)) {
    return { ms, sub, cluster: cl.name, user: who.username, groups: who.groups, ip: who.ip, agent: who.agent, why: WHY.view,
      impersonate: sa("checkout", "checkout"), verb: "list", resource: "secrets", ns: "checkout", code: 403 };
  }
  const op = pickHumanOp(rng);
  const p = rng.pick(cl.pods);
  const ns = op.resource === "nodes" ? undefined : rng.chance(0.8) ? rng.pick(APP_NAMESPACES) : p.namespace;
  const admin = who.username.startsWith("alice") || who.username.startsWith("carol");
  // Developers and contractors get no secrets outside their namespaces, no nodes and no production writes.
  let code = 200;
  if (!admin && (op.resource === "secrets" || op.resource === "nodes" || (op.write && cl.name !== "staging"))) code = 403;
  else if (op.named && rng.chance(0.03)) code = 404;
  const pod = ns === undefined || ns === p.namespace ? p : rng.pick(views(cl).podsByNs.get(ns) ?? [p]);
  const name = !op.named ? undefined : op.resource === "deployments" ? pod.workload.name : op.resource === "secrets" ? `${pod.workload.name}-tls` : pod.name;
  // "Roll out" whatever controls the pod: a StatefulSet or DaemonSet is patched as such.
  const resource = op.resource === "deployments" && pod.workload.kind !== "Deployment" ? pod.workload.kind.toLowerCase() + "s" : op.resource;
  const query = op.q?.replace("CONTAINER", pod.containers[0].name).replace("POD", pod.name);
  return { ms, sub, cluster: cl.name, user: who.username, groups: who.groups, ip: who.ip, agent: who.agent, why: admin ? WHY.admin : WHY.view,
    verb: op.verb, resource, group: op.group, version: op.version, subresource: op.sub, ns, name, query, code };
};

const ciBot: Activity = (rng, ms, sub, e) => {
  const ci = PEOPLE.find((p) => p.username === "ci-bot")!;
  const cl = e.pickCluster(rng);
  const w = rng.pick(views(cl).deployments);
  const x = rng.next();
  const base = { ms, sub, cluster: cl.name, user: ci.username, groups: ci.groups, ip: ci.ip, agent: ci.agent, why: WHY.deployer, ns: w.namespace };
  if (x < 0.5) return { ...base, verb: "get", resource: "deployments", group: "apps", name: w.name };
  if (x < 0.8) return { ...base, verb: "patch", resource: "deployments", group: "apps", name: w.name, query: "fieldManager=kubectl-client-side-apply&fieldValidation=Strict", code: rng.chance(0.02) ? 422 : 200 };
  return { ...base, verb: "create", resource: "configmaps", query: "fieldManager=kubectl-client-side-apply", code: rng.chance(0.1) ? 409 : 201 };
};

const DISCOVERY = ["/version", "/healthz", "/readyz", "/livez", "/api?timeout=32s", "/apis?timeout=32s", "/openapi/v2?timeout=32s"];
/** Load-balancer health checks and client discovery: non-resource URLs, many by system:anonymous. */
const discovery: Activity = (rng, ms, sub, e) => {
  const cl = e.pickCluster(rng);
  const path = rng.pick(DISCOVERY);
  if (path.startsWith("/api") || path.startsWith("/openapi")) {
    const who = rng.pick(PEOPLE);
    return { ms, sub, cluster: cl.name, user: who.username, groups: who.groups, ip: who.ip, agent: who.agent, why: WHY.view, verb: "get", path };
  }
  return { ms, sub, cluster: cl.name, user: "system:anonymous", groups: ANON_GROUPS, ip: `${cl.prefix}.${rng.range(0, 3)}.${rng.range(2, 254)}`,
    agent: "ELB-HealthChecker/2.0", why: WHY.discovery, verb: "get", path };
};

const pickActivity = weighted<Activity>([
  [kubeletLease, 24], [kubeletPods, 9], [controllers, 14], [prometheus, 9], [argocd, 7], [daemons, 9],
  [appReads, 4], [humans, 6], [ciBot, 1.5], [discovery, 3],
]);

export function backgroundAudit(rng: Rng, ms: number, sub: number, estate: Estate): NormalizedEvent {
  return auditEvent(pickActivity(rng)(rng, ms, sub, estate), rng.uuid());
}
