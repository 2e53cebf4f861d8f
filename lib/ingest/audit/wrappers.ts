import { RecordError } from "./errors";
import { int, isObj, obj, str, type Obj } from "./util";

/**
 * What a cloud wrapper was peeled down to: an audit Event (real or, for GKE,
 * rebuilt from the LogEntry) plus what the wrapper itself said.
 */
export type Unwrapped = {
  event: Obj;
  source: "k8s-audit" | "k8s-audit-aks" | "k8s-audit-gke";
  /** set only when the record itself names its cluster */
  cluster: string | null;
  wrapper: Obj | null;
  /** wrapper-level time, used only when the Event carries no timestamp */
  wrapperTime: [string, unknown] | null;
};

const AKS_CATEGORIES = new Set(["kube-audit", "kube-audit-admin"]);

export function unwrap(raw: Obj): Unwrapped {
  if (isObj(raw.protoPayload)) return unwrapGke(raw);
  if (typeof raw.category === "string" && isObj(raw.properties) && "log" in raw.properties) return unwrapAks(raw);
  return { event: raw, source: "k8s-audit", cluster: null, wrapper: null, wrapperTime: null };
}

/**
 * Azure diagnostic setting record. `properties.log` is the Event, either as an
 * object or (Event Hub / storage exports) as an escaped JSON string. The
 * record names the cluster only in an upper-cased ARM resourceId, so the
 * token's cluster stays authoritative; the id is kept in `wrapper`.
 */
function unwrapAks(raw: Obj): Unwrapped {
  const category = raw.category as string;
  if (!AKS_CATEGORIES.has(category)) throw new RecordError(`AKS diagnostic record of category "${category}" is not a kube-audit log`);
  const { log, ...properties } = raw.properties as Obj;
  let event: unknown = log;
  if (typeof log === "string") {
    try {
      event = JSON.parse(log);
    } catch {
      throw new RecordError("AKS record: properties.log is a string but not valid JSON");
    }
  }
  if (!isObj(event)) throw new RecordError("AKS record: properties.log is not an audit Event object");
  const { properties: _p, ...rest } = raw;
  const wrapper: Obj = { format: "aks", ...rest, properties };
  const resourceId = str(raw.resourceId);
  const aksName = resourceId?.match(/\/MANAGEDCLUSTERS\/([^/]+)$/i)?.[1];
  if (aksName) wrapper.clusterName = aksName;
  return { event, source: "k8s-audit-aks", cluster: null, wrapper, wrapperTime: ["time", raw.time] };
}

// google.rpc.Code → HTTP status, so GKE records share the severity rules of raw Events.
const GRPC_TO_HTTP: Record<number, number> = {
  0: 200, 1: 499, 2: 500, 3: 400, 4: 504, 5: 404, 6: 409, 7: 403, 8: 429,
  9: 400, 10: 409, 11: 400, 12: 501, 13: 500, 14: 503, 15: 500, 16: 401,
};

const VERSION = /^v\d+(?:(?:alpha|beta)\d+)?$/;

type Ref = { apiGroup?: string; apiVersion?: string; resource?: string; subresource?: string; namespace?: string; name?: string };

/** "io.k8s.core.v1.pods.exec.create" → verb create, resource pods, subresource exec; "io.k8s.get" → verb get only. */
export function parseGkeMethod(method: string): { verb: string; ref: Ref } {
  const segs = method.replace(/^io\.k8s\./, "").split(".");
  const verb = segs.pop() ?? "";
  const vi = segs.findIndex((s) => VERSION.test(s));
  if (vi < 0) return { verb, ref: {} };
  const [resource, subresource] = segs.slice(vi + 1);
  return { verb, ref: { resource, subresource } };
}

/** "core/v1/namespaces/ns/pods/name/exec" → objectRef fields; a non-resource path ("readyz") → null. */
export function parseGkeResourceName(name: string): Ref | null {
  const segs = name.replace(/^\/+/, "").split("/");
  if (segs.length < 3 || !VERSION.test(segs[1])) return null;
  const ref: Ref = { apiGroup: segs[0] === "core" ? "" : segs[0], apiVersion: segs[1] };
  const rest = segs.slice(2);
  let tail: string[];
  if (rest[0] === "namespaces" && rest.length >= 3) {
    ref.namespace = rest[1];
    tail = rest.slice(2);
  } else {
    tail = rest;
  }
  [ref.resource, ref.name, ref.subresource] = tail;
  return ref;
}

function defined(ref: Ref): Obj {
  return Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined && v !== ""));
}

/**
 * GKE Cloud Audit Logging LogEntry. There is no Event inside, so one is rebuilt
 * with the fields the rest of the pipeline reads; the full entry (minus the
 * request/response bodies, which move to requestObject/responseObject) is kept
 * in `wrapper`.
 */
function unwrapGke(raw: Obj): Unwrapped {
  const pp = raw.protoPayload as Obj;
  const type = str(pp["@type"]);
  if (!type?.endsWith("google.cloud.audit.AuditLog")) throw new RecordError(`GCP log entry with protoPayload type ${JSON.stringify(type)} is not a Cloud Audit Log`);
  const service = str(pp.serviceName);
  const method = str(pp.methodName);
  if ((service && service !== "k8s.io") || !method?.startsWith("io.k8s.")) {
    throw new RecordError(`GCP audit entry for ${service ?? "unknown service"} method ${method ?? "(none)"} is not a Kubernetes API audit event`);
  }
  const { verb, ref: methodRef } = parseGkeMethod(method);
  if (!verb) throw new RecordError(`GKE methodName ${JSON.stringify(method)} names no verb`);
  const resourceName = str(pp.resourceName);
  const pathRef = resourceName ? parseGkeResourceName(resourceName) : null;
  const objectRef = pathRef ? defined({ ...methodRef, ...defined(pathRef) }) : methodRef.resource ? defined(methodRef) : null;

  const auth = obj(pp.authenticationInfo);
  const meta = obj(pp.requestMetadata);
  const status = obj(pp.status);
  const grpc = status ? (int(status.code) ?? 0) : null;
  const event: Obj = {
    kind: "Event",
    auditID: str(obj(raw.operation)?.id) ?? str(raw.insertId) ?? undefined,
    verb,
    requestURI: objectRef ? undefined : "/" + (resourceName ?? "").replace(/^\/+/, ""),
    user: auth && str(auth.principalEmail) ? { username: auth.principalEmail } : undefined,
    sourceIPs: meta && str(meta.callerIp) ? [meta.callerIp] : undefined,
    userAgent: str(meta?.callerSuppliedUserAgent) ?? undefined,
    objectRef: objectRef ?? undefined,
    responseStatus: grpc === null ? undefined : { code: GRPC_TO_HTTP[grpc] ?? 500, grpcCode: grpc, message: str(status?.message) ?? undefined },
    requestObject: pp.request,
    responseObject: pp.response,
    // GKE moves the authorization.k8s.io/* annotations into the entry labels.
    annotations: obj(raw.labels) ?? undefined,
    stageTimestamp: raw.timestamp,
  };
  for (const k of Object.keys(event)) if (event[k] === undefined) delete event[k];

  const { request: _rq, response: _rs, ...ppRest } = pp;
  const cluster = str(obj(obj(raw.resource)?.labels)?.cluster_name);
  return {
    event,
    source: "k8s-audit-gke",
    cluster,
    wrapper: { format: "gke", ...raw, protoPayload: ppRest },
    wrapperTime: ["receiveTimestamp", raw.receiveTimestamp],
  };
}
