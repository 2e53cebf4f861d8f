/**
 * Kubernetes API-server audit log → NormalizedEvent.
 *
 * Accepts raw audit.k8s.io Events (v1, v1beta1, or the apiVersion-less lines
 * older log backends wrote) and the two managed-cluster wrappers seen in the
 * wild: AKS diagnostic records and GKE Cloud Audit Logging entries. Pure: no
 * DB, no I/O, so ingest routes and tests share it.
 */
import { emptyEvent, type NormalizedEvent, type Severity } from "@/lib/events/types";
import { decodeBody, type Rejected } from "./body";
import { RecordError } from "./errors";
import { int, isObj, kindOf, obj, pickTimestamp, rawOf, str, validIp, type Obj } from "./util";
import { unwrap } from "./wrappers";

export { RecordError };
export type { Rejected };

const WRITE_VERBS = new Set(["create", "update", "patch", "delete", "deletecollection"]);
const WORKLOAD_RESOURCES = new Set(["deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs"]);

export function actorTypeOf(username: string | null): string | null {
  if (username === null) return null;
  if (username.startsWith("system:serviceaccount:")) return "serviceaccount";
  if (username.startsWith("system:node:")) return "node";
  if (username === "system:anonymous") return "anonymous";
  if (username.startsWith("system:")) return "system";
  return "user";
}

function severityOf(code: number | null, verb: string, stage: string | null): Severity {
  if ((code !== null && code >= 500) || stage === "Panic") return "error";
  if (code !== null && code >= 400) return "warning";
  return WRITE_VERBS.has(verb) ? "notice" : "info";
}

/** Rejects what is not an audit Event, naming the reason an analyst can act on. */
function checkEvent(e: Obj): void {
  if (e.kind === "EventList") throw new RecordError("an EventList was given where a single audit Event was expected");
  const apiVersion = e.apiVersion;
  if (apiVersion !== undefined && !(typeof apiVersion === "string" && apiVersion.startsWith("audit.k8s.io/"))) {
    throw new RecordError(`apiVersion ${JSON.stringify(apiVersion)} is not audit.k8s.io/v1 or v1beta1 (is this a core Kubernetes Event?)`);
  }
  if (e.kind !== undefined && e.kind !== "Event") throw new RecordError(`not a Kubernetes audit event: kind is ${JSON.stringify(e.kind)}, expected "Event"`);
  if (e.verb === undefined && e.requestURI === undefined && e.objectRef === undefined) {
    throw new RecordError("not a Kubernetes audit event: it has no verb, requestURI or objectRef");
  }
  if (!str(e.verb)) throw new RecordError(`audit event without a verb (verb is ${kindOf(e.verb)})`);
  if (e.objectRef !== undefined && !isObj(e.objectRef)) throw new RecordError(`objectRef must be an object, got ${kindOf(e.objectRef)}`);
  if (!str(e.requestURI) && !isObj(e.objectRef)) throw new RecordError("audit event has neither a requestURI nor an objectRef");
  if (e.user !== undefined && !isObj(e.user)) throw new RecordError(`user must be an object, got ${kindOf(e.user)}`);
}

/** The owner that controls the pod (usually its ReplicaSet/DaemonSet/Job), else the first owner. */
function ownerName(...objects: unknown[]): string | null {
  for (const o of objects) {
    const refs = obj(obj(o)?.metadata)?.ownerReferences;
    if (!Array.isArray(refs) || refs.length === 0) continue;
    const owner = refs.find((r) => obj(r)?.controller === true) ?? refs[0];
    const name = str(obj(owner)?.name);
    if (name) return name;
  }
  return null;
}

function nodeOf(resource: string | null, objectName: string | null, req: Obj | null, res: Obj | null): string | null {
  if (resource === "nodes") return objectName;
  // The scheduler binds a pod with a Binding whose target is the node.
  if (req?.kind === "Binding" && obj(req.target)?.kind === "Node") return str(obj(req.target)?.name);
  return str(obj(req?.spec)?.nodeName) ?? str(obj(res?.spec)?.nodeName);
}

/** `container=` of pods/exec, attach, log …: which container a human reached into. */
function containerOf(requestURI: string | null): string | null {
  const q = requestURI?.indexOf("?") ?? -1;
  if (!requestURI || q < 0) return null;
  try {
    return str(new URLSearchParams(requestURI.slice(q + 1)).get("container"));
  } catch {
    return null;
  }
}

function messageOf(e: {
  actor: string | null; impersonated: string | null; verb: string; resource: string | null; subresource: string | null;
  namespace: string | null; objectName: string | null; requestURI: string | null; code: number | null;
}): string {
  const who = (e.actor ?? "unknown") + (e.impersonated ? ` as ${e.impersonated}` : "");
  let what: string;
  if (e.resource) {
    const kind = e.subresource ? `${e.resource}/${e.subresource}` : e.resource;
    const target = e.objectName ? (e.namespace && e.resource !== "namespaces" ? `${e.namespace}/${e.objectName}` : e.objectName) : e.namespace ? `in ${e.namespace}` : "";
    what = target ? `${kind} ${target}` : kind;
  } else {
    what = (e.requestURI ?? "").split("?")[0] || "(no URI)";
  }
  return `${who} ${e.verb} ${what}${e.code !== null ? ` → ${e.code}` : ""}`;
}

/**
 * One audit record → NormalizedEvent. `cluster` is the cluster of the ingest
 * token; it is replaced only when the record itself names its cluster (GKE).
 * Throws RecordError when the value is not an audit event.
 */
export function normalizeAuditEvent(raw: unknown, cluster: string): NormalizedEvent {
  if (!isObj(raw)) throw new RecordError(`expected a JSON object, got ${kindOf(raw)}`);
  const u = unwrap(raw);
  const e = u.event;
  checkEvent(e);

  const time = pickTimestamp([
    ["stageTimestamp", e.stageTimestamp],
    ["requestReceivedTimestamp", e.requestReceivedTimestamp],
    ["timestamp", e.timestamp],
    ...(u.wrapperTime ? [u.wrapperTime] : []),
  ]);

  const verb = e.verb as string;
  const ref = obj(e.objectRef);
  const req = obj(e.requestObject);
  const res = obj(e.responseObject);
  const actor = str(obj(e.user)?.username);
  const impersonated = str(obj(e.impersonatedUser)?.username);
  const resource = str(ref?.resource);
  const subresource = str(ref?.subresource);
  const requestURI = str(e.requestURI);
  // Pods made from a generateName (every ReplicaSet pod) have no objectRef.name;
  // the created object's name is only in the response (or request) body.
  const objectName =
    str(ref?.name) ?? (verb === "create" && !subresource ? (str(obj(res?.metadata)?.name) ?? str(obj(req?.metadata)?.name)) : null);
  // A namespace object is "in" itself, so namespace filters find its creation.
  const namespace = str(ref?.namespace) ?? (resource === "namespaces" ? objectName : null);
  const code = int(obj(e.responseStatus)?.code);
  const ips = e.sourceIPs;
  const sourceIp = Array.isArray(ips) ? validIp(ips[0]) : null;
  const isPod = resource === "pods";

  const workload = isPod ? ownerName(req, res) : resource && WORKLOAD_RESOURCES.has(resource) ? objectName : null;

  const attributes: Obj = { ...e };
  if (u.wrapper) attributes.wrapper = u.wrapper;

  return emptyEvent({
    ts: time.date,
    ...(time.precise ? { tsText: time.precise } : {}),
    cluster: u.cluster ?? cluster,
    layer: "audit",
    source: u.source,
    severity: severityOf(code, verb, str(e.stage)),
    node: nodeOf(resource, objectName, req, res),
    namespace,
    pod: isPod ? objectName : null,
    container: isPod && subresource ? containerOf(requestURI) : null,
    workload,
    actor,
    actorType: actorTypeOf(actor),
    impersonated,
    verb,
    resource,
    subresource,
    objectName,
    code,
    sourceIp,
    message: messageOf({ actor, impersonated, verb, resource, subresource, namespace, objectName, requestURI, code }),
    attributes,
  });
}

/**
 * Splits a body into records: an EventList, one Event, a JSON array, or NDJSON.
 * Undecodable NDJSON lines are rejected individually (index = 0-based line).
 * Throws RecordError only when the body is empty or nothing decodes as JSON.
 */
export function parseAuditBody(text: string): { records: unknown[]; rejected: Rejected[] } {
  const { records, rejected } = decodeBody(text);
  return { records: records.map((r) => r.value), rejected };
}

/** parseAuditBody + normalizeAuditEvent; a record that fails is rejected with its reason, the rest are kept. */
export function normalizeAuditBody(text: string, cluster: string): { events: NormalizedEvent[]; rejected: Rejected[] } {
  const { records, rejected } = decodeBody(text);
  const events: NormalizedEvent[] = [];
  const failed: Rejected[] = [];
  for (const { index, value } of records) {
    try {
      events.push(normalizeAuditEvent(value, cluster));
    } catch (err) {
      // Anything else is a normalizer bug on odd input; reject the record rather than lose the batch.
      const reason = err instanceof RecordError ? err.message : `could not be normalized: ${err instanceof Error ? err.message : String(err)}`;
      failed.push({ index, reason, raw: rawOf(value) });
    }
  }
  return { events, rejected: [...rejected, ...failed].sort((a, b) => a.index - b.index) };
}
