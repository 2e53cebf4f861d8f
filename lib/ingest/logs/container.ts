/**
 * Container log records (layer "container") from Fluent Bit's kubernetes
 * filter and Vector's kubernetes_logs source. A container line is only worth
 * storing with the pod it came from, so the Kubernetes identity is required;
 * it is read, in order, from the `kubernetes` block, the Docker journald
 * driver's CONTAINER_NAME (k8s_<container>_<pod>_<ns>_<uid>_<n>), or a
 * /var/log/containers or /var/log/pods file name.
 */
import { emptyEvent, shortContainerId, type NormalizedEvent } from "@/lib/events/types";
import { RecordError } from "@/lib/ingest/audit/errors";
import { isObj, obj, str, type Obj } from "@/lib/ingest/audit/util";
import { controllerOwner, labelMap, workloadOfPod } from "@/lib/ingest/k8s-events/objects";
import { text } from "./fields";
import { lineSeverity } from "./level";
import { firstTime } from "./time";

export type Identity = {
  namespace: string; pod: string; container: string | null; node: string | null; image: string | null;
  labels: Record<string, string> | null; owner: { kind: string | null; name: string | null } | null;
};

// /var/log/containers/<pod>_<namespace>_<container>-<64 hex>.log (also inside a Fluent Bit tag, dots for slashes)
const CONTAINERS_FILE = /containers[./]([a-z0-9][a-z0-9.-]*)_([a-z0-9][a-z0-9-]*)_([a-z0-9][a-z0-9-]*)-[0-9a-f]{64}\.log/;
// /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart>.log
const PODS_FILE = /pods\/([a-z0-9][a-z0-9-]*)_([a-z0-9][a-z0-9.-]*)_[0-9a-f-]{36}\/([a-z0-9][a-z0-9-]*)\/\d+\.log/;
const DOCKER_NAME = /^k8s_([^_]+)_([^_]+)_([^_]+)_[^_]+_\d+$/;

/** Vector names its fields pod_namespace/pod_node_name/pod_labels; Fluent Bit namespace_name/host/labels. */
export function isVector(r: Obj): boolean {
  return typeof r.source_type === "string" || (isObj(r.kubernetes) && ("pod_namespace" in r.kubernetes || "pod_node_name" in r.kubernetes));
}

function fromKubernetes(k: Obj): Identity | null {
  const namespace = str(k.namespace_name) ?? str(k.pod_namespace);
  const pod = str(k.pod_name);
  if (!namespace || !pod) return null;
  const vectorOwner = str(k.pod_owner)?.split("/");
  return {
    namespace, pod, container: str(k.container_name), node: str(k.host) ?? str(k.pod_node_name), image: str(k.container_image),
    labels: labelMap(k.labels ?? k.pod_labels),
    owner: controllerOwner(k.ownerReferences) ?? (vectorOwner?.length === 2 ? { kind: vectorOwner[0], name: vectorOwner[1] } : null),
  };
}

function fromNames(r: Obj): Identity | null {
  const bare = (namespace: string, pod: string, container: string | null, node: string | null = null): Identity =>
    ({ namespace, pod, container, node, image: null, labels: null, owner: null });
  const docker = DOCKER_NAME.exec(str(r.CONTAINER_NAME) ?? "");
  // "POD" is the pause container holding the sandbox; it logs nothing of interest but is still that pod's.
  if (docker) return bare(docker[3], docker[2], docker[1] === "POD" ? null : docker[1], str(r._HOSTNAME));
  for (const key of ["file", "path", "filepath", "filename", "tag", "_tag"]) {
    const f = str(r[key]);
    if (!f) continue;
    const c = CONTAINERS_FILE.exec(f);
    if (c) return bare(c[2], c[1], c[3]);
    const p = PODS_FILE.exec(f);
    if (p) return bare(p[1], p[2], p[3]);
  }
  return null;
}

/** Where a record says it came from, or null when it names no pod. */
export function containerIdentity(r: Obj): Identity | null {
  const k = obj(r.kubernetes);
  return (k && fromKubernetes(k)) ?? fromNames(r);
}

// Fields that shippers add around the line; what remains, when there is no `log`, is what a parser made of it.
const ENVELOPE = new Set([
  "kubernetes", "kubernetes_namespace", "stream", "time", "date", "timestamp", "@timestamp", "_p", "logtag", "file", "path",
  "source_type", "host", "cluster", "k8s.cluster.name", "tag", "_tag",
]);

/**
 * The log line: `log` (Fluent Bit), `message` (Vector, or a Fluent Bit
 * parser), `MESSAGE` (journald driver); one trailing newline stripped. When a
 * parser replaced the line with its own fields (Merge_Log with Keep_Log off,
 * a custom parser's key) the message is the single remaining text field, or
 * those fields as JSON.
 */
function messageOf(r: Obj): string | null {
  const line = text(r.log) ?? text(r.message) ?? text(r.MESSAGE);
  if (line !== null) return line.replace(/\r?\n$/, "");
  const rest = Object.entries(r).filter(([k]) => !ENVELOPE.has(k) && !k.startsWith("_") && !/^[A-Z_]+$/.test(k));
  if (rest.length === 0) return null;
  if (rest.length === 1 && typeof rest[0][1] === "string") return rest[0][1].replace(/\r?\n$/, "");
  return JSON.stringify(Object.fromEntries(rest));
}

export function containerEvent(r: Obj, id: Identity, pairTime: unknown, cluster: string): NormalizedEvent {
  const vector = isVector(r);
  // Each shipper's own time field first; a merged app field of the same name is only a fallback.
  const time = firstTime(vector
    ? [["timestamp", r.timestamp], ["@timestamp", r["@timestamp"]], ["time", r.time], ["date", r.date]]
    : [["time", r.time], ["_SOURCE_REALTIME_TIMESTAMP", r._SOURCE_REALTIME_TIMESTAMP], ["date", r.date], ["[ts]", pairTime], ["@timestamp", r["@timestamp"]], ["timestamp", r.timestamp]]);
  const message = messageOf(r);
  if (message === null) throw new RecordError(`container record for ${id.namespace}/${id.pod} has no log line (no log, message or MESSAGE field)`);
  return emptyEvent({
    ts: time.date,
    ...(time.precise ? { tsText: time.precise } : {}),
    cluster,
    layer: "container",
    source: vector ? "vector" : "fluent-bit",
    severity: lineSeverity(message, r),
    node: id.node,
    namespace: id.namespace,
    pod: id.pod,
    container: id.container,
    workload: workloadOfPod(id.pod, id.labels, id.owner),
    image: id.image,
    containerId: shortContainerId(obj(r.kubernetes)?.docker_id ?? obj(r.kubernetes)?.container_id ?? r.CONTAINER_ID_FULL ?? r.CONTAINER_ID),
    message,
    attributes: r,
  });
}
