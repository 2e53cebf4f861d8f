/**
 * Kubernetes API-server audit records (audit.k8s.io/v1 Event, stage
 * ResponseComplete) built in their native shape and run through the same
 * normalizer the ingest endpoint uses, so demo rows look exactly like real ones.
 */
import type { NormalizedEvent } from "@/lib/events/types";
import { normalizeAuditEvent } from "@/lib/ingest/audit/normalize";
import { flat, isoMicro } from "./rng";

export type AuditReq = {
  ms: number; sub: number; cluster: string;
  user: string; groups: readonly string[]; ip: string; agent: string;
  verb: string; resource?: string; group?: string; version?: string; ns?: string; name?: string; subresource?: string;
  /** default: 201 for create, 200 otherwise */
  code?: number; query?: string; requestObject?: unknown; responseObject?: unknown;
  /** path of a non-resource request (/version, /healthz …) */
  path?: string;
  /** RBAC reason written in the authorization annotation when allowed */
  why?: string;
  impersonate?: string;
  /** time from request to ResponseComplete (an exec session lasts as long as the shell) */
  latencyMs?: number;
};

const REASONS: Record<number, string> = {
  401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 409: "Conflict", 422: "Invalid", 429: "TooManyRequests", 500: "InternalError",
};
const EMPTY = Object.freeze({});

// Parts that repeat across millions of records are built once and shared
// (read-only): less garbage to collect and less memory held per batch.
function cache<K, V>(make: (k: K) => V): (k: K) => V {
  const m = new Map<K, V>();
  return (k) => {
    let v = m.get(k);
    if (v === undefined) m.set(k, (v = make(k)));
    return v;
  };
}
const sourceIPs = cache((ip: string) => [ip]);
const okStatus = cache((code: number) => ({ metadata: EMPTY, code }));
const allowed = cache((why: string) => ({ "authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": why }));
const FORBID = { "authorization.k8s.io/decision": "forbid", "authorization.k8s.io/reason": "" };
const userMap = new Map<string, { username: string; groups: readonly string[] }>();
/** one user object per username (a username always comes with the same groups here) */
function userOf(r: AuditReq) {
  let u = userMap.get(r.user);
  if (!u) userMap.set(r.user, (u = { username: r.user, groups: r.groups }));
  return u;
}

function statusMessage(r: AuditReq, code: number): string {
  const kind = r.subresource ? `${r.resource}/${r.subresource}` : (r.resource ?? "");
  const named = r.resource ? (r.name ? `${r.resource} "${r.name}"` : r.resource) : `"${r.path}"`;
  switch (code) {
    case 401:
      return "Unauthorized";
    case 403: {
      const scope = r.ns ? ` in the namespace "${r.ns}"` : r.resource ? " at the cluster scope" : "";
      const what = r.resource ? `resource "${kind}" in API group "${r.group ?? ""}"` : `path "${r.path}"`;
      return `${named} is forbidden: User "${r.impersonate ?? r.user}" cannot ${r.verb} ${what}${scope}`;
    }
    case 404:
      return `${named} not found`;
    case 409:
      return `Operation cannot be fulfilled on ${r.resource}${r.group ? "." + r.group : ""} "${r.name}": the object has been modified; please apply your changes to the latest version and try again`;
    case 422:
      return `${named} is invalid: spec.template.spec.containers[0].image: Required value`;
    case 429:
      return "Too many requests, please try again later.";
    default:
      return "etcdserver: request timed out";
  }
}

/** The raw audit Event exactly as the API server's log/webhook backend writes it. */
export function auditRecord(r: AuditReq): Record<string, unknown> {
  const code = r.code ?? (r.verb === "create" && r.subresource !== "exec" && r.subresource !== "attach" ? 201 : 200);
  let uri: string;
  let objectRef: Record<string, string> | undefined;
  if (r.resource) {
    const version = r.version ?? "v1";
    uri = (r.group ? `/apis/${r.group}/${version}` : "/api/v1") + (r.ns ? `/namespaces/${r.ns}` : "") + `/${r.resource}`;
    if (r.name) uri += `/${r.name}`;
    if (r.subresource) uri += `/${r.subresource}`;
    objectRef = { resource: r.resource };
    if (r.ns) objectRef.namespace = r.ns;
    if (r.name) objectRef.name = r.name;
    if (r.group) objectRef.apiGroup = r.group;
    objectRef.apiVersion = version;
    if (r.subresource) objectRef.subresource = r.subresource;
  } else {
    uri = r.path ?? "/";
  }
  if (r.query) uri += `?${r.query}`;
  flat(uri);
  // Reads finish in milliseconds; a watch ends when its timeout (minutes) expires.
  const latency = r.latencyMs ?? (r.verb === "watch" ? 300_000 + (r.sub % 180) * 1000 : r.verb === "create" && r.subresource ? 40_000 + r.sub * 13 : 1 + (r.sub % 37));
  const ev: Record<string, unknown> = {
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    level: r.requestObject ? "RequestResponse" : "Metadata",
    auditID: "",
    stage: "ResponseComplete",
    requestURI: uri,
    verb: r.verb,
    // A request that failed authentication has no user at all.
    user: r.user ? userOf(r) : EMPTY,
    sourceIPs: sourceIPs(r.ip),
    userAgent: r.agent,
  };
  if (r.impersonate) ev.impersonatedUser = { username: r.impersonate };
  if (objectRef) ev.objectRef = objectRef;
  ev.responseStatus = code < 400 ? okStatus(code) : { metadata: EMPTY, status: "Failure", message: statusMessage(r, code), reason: REASONS[code] ?? "InternalError", code };
  if (r.requestObject) ev.requestObject = r.requestObject;
  if (r.responseObject) ev.responseObject = r.responseObject;
  ev.requestReceivedTimestamp = isoMicro(r.ms - latency, r.sub * 3);
  ev.stageTimestamp = isoMicro(r.ms, r.sub);
  if (code !== 401) ev.annotations = code === 403 ? FORBID : allowed(r.why ?? "");
  return ev;
}

/**
 * Builds, stamps and normalizes one audit event. `auditID` comes from the
 * caller's generator (a uuid per request, as the API server assigns).
 */
export function auditEvent(r: AuditReq, auditID: string): NormalizedEvent {
  const raw = auditRecord(r);
  raw.auditID = auditID;
  const e = normalizeAuditEvent(raw, r.cluster);
  flat(e.message);
  return e;
}

/** RBAC reasons, written once so every allowed record reuses the same strings. */
export const WHY = {
  node: 'RBAC: allowed by ClusterRoleBinding "system:node" of ClusterRole "system:node" to Group "system:nodes"',
  kcm: 'RBAC: allowed by ClusterRoleBinding "system:kube-controller-manager" of ClusterRole "system:kube-controller-manager" to User "system:kube-controller-manager"',
  scheduler: 'RBAC: allowed by ClusterRoleBinding "system:kube-scheduler" of ClusterRole "system:kube-scheduler" to User "system:kube-scheduler"',
  controller: 'RBAC: allowed by ClusterRoleBinding "system:controller:endpointslice-controller" of ClusterRole "system:controller:endpointslice-controller" to ServiceAccount "endpointslice-controller/kube-system"',
  prometheus: 'RBAC: allowed by ClusterRoleBinding "prometheus-k8s" of ClusterRole "prometheus-k8s" to ServiceAccount "prometheus-k8s/monitoring"',
  argocd: 'RBAC: allowed by ClusterRoleBinding "argocd-application-controller" of ClusterRole "argocd-application-controller" to ServiceAccount "argocd-application-controller/argocd"',
  admin: 'RBAC: allowed by ClusterRoleBinding "platform-admins" of ClusterRole "cluster-admin" to Group "oidc:platform-admins"',
  edit: 'RBAC: allowed by RoleBinding "developers/NAMESPACE" of ClusterRole "edit" to Group "oidc:developers"',
  view: 'RBAC: allowed by ClusterRoleBinding "everyone-view" of ClusterRole "view" to Group "system:authenticated"',
  app: 'RBAC: allowed by RoleBinding "APP/NAMESPACE" of Role "APP" to ServiceAccount "APP/NAMESPACE"',
  deployer: 'RBAC: allowed by ClusterRoleBinding "ci-deployers" of ClusterRole "deployer" to Group "ci:deployers"',
  discovery: 'RBAC: allowed by ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated"',
};

export const AGENTS = {
  kubelet: "kubelet/v1.29.3 (linux/amd64) kubernetes/6813625",
  kcm: "kube-controller-manager/v1.29.3 (linux/amd64) kubernetes/6813625/leader-election",
  scheduler: "kube-scheduler/v1.29.3 (linux/amd64) kubernetes/6813625/leader-election",
  controller: "kube-controller-manager/v1.29.3 (linux/amd64) kubernetes/6813625/system:serviceaccount:kube-system:endpointslice-controller",
  prometheus: "Prometheus/2.51.2",
  argocd: "argocd-application-controller/v2.10.9+c8e9ca4 (linux/amd64) kubernetes/$Format",
  goClient: "Go-http-client/2.0",
};

const saGroups = new Map<string, readonly string[]>();
/** A service account's groups; cached so background events share one array per namespace. */
export function SA_GROUPS(ns: string): readonly string[] {
  let g = saGroups.get(ns);
  if (!g) saGroups.set(ns, (g = ["system:serviceaccounts", `system:serviceaccounts:${ns}`, "system:authenticated"]));
  return g;
}
export const NODE_GROUPS = ["system:nodes", "system:authenticated"] as const;
export const ANON_GROUPS = ["system:unauthenticated"] as const;
