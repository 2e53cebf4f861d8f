/** Small field readers shared by the log, Falco and Kubernetes Events normalizers. */
import { isObj, obj, str, type Obj } from "@/lib/ingest/audit/util";

/** journalctl -o json writes a MESSAGE that is not valid UTF-8 as an array of bytes. */
export function text(v: unknown): string | null {
  if (typeof v === "string") return v;
  if (Array.isArray(v) && v.length > 0 && v.every((b) => Number.isInteger(b) && b >= 0 && b < 256)) return Buffer.from(v as number[]).toString("utf8");
  return null;
}

/**
 * The cluster a record names itself, or null: a `cluster` field (record_modifier /
 * Vector remap), OTel's `k8s.cluster.name` (flat or nested), the
 * `kubernetes.cluster_name` some filters add, event-exporter's `clusterName`.
 * Only the ingest token's cluster applies when the record is silent.
 */
export function recordCluster(r: Obj): string | null {
  const k8s = obj(r.k8s);
  return (
    str(r.cluster) ?? str(r["k8s.cluster.name"]) ?? str(obj(k8s?.cluster)?.name) ?? str(obj(r.kubernetes)?.cluster_name) ??
    str(r.clusterName) ?? (isObj(r.cluster) ? str(r.cluster.name) : null)
  );
}
