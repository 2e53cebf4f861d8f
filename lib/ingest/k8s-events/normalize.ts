/**
 * Kubernetes Events → NormalizedEvent (layer "k8s-event", source "k8s-events").
 *
 * Takes core `v1` Events and `events.k8s.io/v1` (and v1beta1) Events, alone,
 * in an EventList/List, in a JSON array, as watch frames
 * (`{"type":"ADDED","object":{...}}`) or as NDJSON of any of these — which
 * covers kubernetes-event-exporter's webhook (the v1 Event JSON, with
 * labels/ownerReferences added to involvedObject) and Fluent Bit's
 * kubernetes_events input (Event objects with a `date` key, or `[ts, {...}]`).
 * Watch BOOKMARK and DELETED frames are skipped, not rejected: they carry no
 * new occurrence (DELETED is the Event's TTL expiring). Pure: no DB, no I/O.
 */
import { emptyEvent, type NormalizedEvent } from "@/lib/events/types";
import { isObj, kindOf, obj, pickTimestamp, str, type Obj, type ParsedTime } from "@/lib/ingest/audit/util";
import { decodeRecords, normalizeEach, RecordError, unpair } from "@/lib/ingest/logs/body";
import { recordCluster } from "@/lib/ingest/logs/fields";
import { firstTime } from "@/lib/ingest/logs/time";
import type { BodyNormalizer } from "../types";
import { CLUSTER_SCOPED, controllerOwner, labelMap, resourceOfKind, WORKLOAD_KINDS, workloadOfOwner, workloadOfPod } from "./objects";

export { RecordError };

const WATCH_TYPES = new Set(["ADDED", "MODIFIED", "DELETED", "BOOKMARK", "ERROR"]);
const CONTAINER_PATH = /spec\.(?:containers|initContainers|ephemeralContainers)\{([^}]+)\}/;

function spreadEvents(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return unpair(v) ? null : v;
  if (isObj(v) && Array.isArray(v.items) && (v.kind === "EventList" || v.kind === "List")) return v.items;
  return null;
}

/** A set timestamp field, or null when unset or Go's zero time (deprecated* fields are often zero). */
function at(field: string, v: unknown): ParsedTime | null {
  if (v === undefined || v === null || v === "" || (typeof v === "string" && v.startsWith("0001-01-01"))) return null;
  return pickTimestamp([[field, v]]);
}

/**
 * The last time the event was observed, as precisely as recorded: a series'
 * lastObservedTime, else lastTimestamp — unless eventTime falls in that same
 * second, in which case eventTime says the same with microseconds — else
 * eventTime, firstTimestamp, metadata.creationTimestamp.
 */
function observedAt(e: Obj, fallback: [string, unknown][]): ParsedTime {
  const series = at("series.lastObservedTime", obj(e.series)?.lastObservedTime);
  if (series) return series;
  const last = at("lastTimestamp", e.lastTimestamp) ?? at("deprecatedLastTimestamp", e.deprecatedLastTimestamp);
  const micro = at("eventTime", e.eventTime);
  if (last && micro && Math.floor(micro.date.getTime() / 1000) === Math.floor(last.date.getTime() / 1000)) return micro;
  const t = last ?? micro ?? at("firstTimestamp", e.firstTimestamp) ?? at("deprecatedFirstTimestamp", e.deprecatedFirstTimestamp) ??
    at("metadata.creationTimestamp", obj(e.metadata)?.creationTimestamp);
  if (t) return t;
  // Only the shipper's receive time is left (Fluent Bit `date` / pair time).
  if (fallback.some(([, v]) => v !== undefined && v !== null)) return firstTime(fallback);
  throw new RecordError("Kubernetes Event without a timestamp: series.lastObservedTime, lastTimestamp, eventTime, firstTimestamp and metadata.creationTimestamp are all unset");
}

/** Rejects what is not an Event, saying what it is when that is clear. */
function checkEvent(e: Obj): void {
  if (typeof e.auditID === "string" || (typeof e.apiVersion === "string" && e.apiVersion.startsWith("audit.k8s.io/"))) {
    throw new RecordError("this is a Kubernetes audit event, not a Kubernetes Event: send it to the k8s-audit endpoint");
  }
  if (isObj(e.kubernetes) && isObj(e.kubernetes.event)) {
    throw new RecordError("a Metricbeat/Elastic Agent kubernetes.event document (ECS), not a Kubernetes Event: send the Event object itself (kubernetes-event-exporter, Fluent Bit kubernetes_events)");
  }
  if (e.kind !== undefined && e.kind !== "Event") throw new RecordError(`not a Kubernetes Event: kind is ${JSON.stringify(e.kind)}`);
  const v = e.apiVersion;
  if (v !== undefined && v !== "v1" && v !== "events.k8s.io/v1" && v !== "events.k8s.io/v1beta1") {
    throw new RecordError(`apiVersion ${JSON.stringify(v)} is not v1 or events.k8s.io/v1`);
  }
  if (!isObj(e.involvedObject) && !isObj(e.regarding)) throw new RecordError("not a Kubernetes Event: it has no involvedObject (v1) or regarding (events.k8s.io/v1) object");
  if (!str(e.reason) && !str(e.message) && !str(e.note)) throw new RecordError("Kubernetes Event with neither a reason nor a message");
}

/**
 * One Event, watch frame or Fluent Bit pair → NormalizedEvent; null for a
 * watch frame that carries no occurrence. Throws RecordError otherwise.
 */
export function normalizeK8sEvent(raw: unknown, cluster: string): NormalizedEvent | null {
  const pair = unpair(raw);
  let e: unknown = pair ? pair.record : raw;
  if (isObj(e) && typeof e.type === "string" && WATCH_TYPES.has(e.type) && "object" in e) {
    if (e.type === "BOOKMARK" || e.type === "DELETED") return null;
    if (e.type === "ERROR") throw new RecordError(`watch ERROR frame: ${str(obj(e.object)?.message) ?? "the API server ended the watch"}`);
    e = e.object;
  }
  if (!isObj(e)) throw new RecordError(`expected a Kubernetes Event (JSON object), got ${kindOf(e)}`);
  checkEvent(e);

  // events.k8s.io/v1 names come first; core v1 carries the same data under the older names.
  const target = obj(e.regarding) ?? obj(e.involvedObject) ?? {};
  const source = obj(e.source) ?? obj(e.deprecatedSource);
  const kind = str(target.kind);
  const name = str(target.name);
  const component = str(e.reportingController) ?? str(e.reportingComponent) ?? str(source?.component);
  const series = obj(e.series);
  const count = [series?.count, e.count, e.deprecatedCount].find((c): c is number => typeof c === "number") ?? null;
  const reason = str(e.reason);
  const text = str(e.note) ?? str(e.message);
  const time = observedAt(e, [["date", e.date], ["[ts]", pair?.time]]);

  const ns = str(target.namespace) ?? (kind === "Namespace" ? name : kind && CLUSTER_SCOPED.has(kind) ? null : str(obj(e.metadata)?.namespace));
  // Only kubelet's reportingInstance is a node name; a scheduler's is e.g. "default-scheduler-<host>".
  const node = kind === "Node" ? name : (str(source?.host) ?? (component === "kubelet" ? str(e.reportingInstance) : null));
  const isPod = kind === "Pod";
  const workload = isPod
    ? workloadOfPod(name, labelMap(target.labels), controllerOwner(target.ownerReferences))
    : kind && WORKLOAD_KINDS.has(kind) ? workloadOfOwner(kind, name) : null;

  let message = reason && text ? `${reason}: ${text}` : (reason ?? text ?? "");
  if (count !== null && count > 1) message += ` (x${count})`;

  const ev = emptyEvent({
    ts: time.date,
    ...(time.precise ? { tsText: time.precise } : {}),
    cluster: recordCluster(e) ?? cluster,
    layer: "k8s-event",
    source: "k8s-events",
    severity: e.type === "Warning" ? "warning" : "info",
    message,
    image: null,
    attributes: e,
  });
  ev.namespace = ns;
  ev.pod = isPod ? name : null;
  ev.node = node;
  ev.container = isPod ? (CONTAINER_PATH.exec(str(target.fieldPath) ?? "")?.[1] ?? null) : null;
  ev.workload = workload;
  ev.resource = resourceOfKind(kind);
  ev.objectName = name;
  ev.actor = component;
  return ev;
}

export const normalizeK8sEventsBody: BodyNormalizer = (body, ctx) => {
  const decoded = decodeRecords(body, { expected: "Kubernetes Events (Event, EventList, watch frames, JSON array or NDJSON)", spread: spreadEvents });
  return normalizeEach(decoded, (v) => normalizeK8sEvent(v, ctx.cluster));
};
