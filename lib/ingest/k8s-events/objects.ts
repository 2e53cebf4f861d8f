/**
 * Kubernetes object naming shared by the Events, logs and Falco normalizers:
 * kind → resource, and which workload a pod belongs to. Real records rarely
 * name the workload, so it is recovered the way controllers build pod names
 * (and the demo generator mirrors): Deployment `name-<rs hash>-<5>`,
 * DaemonSet/Job `name-<5>`, StatefulSet `name-<ordinal>` (the last one only
 * with its label, see workloadOfPod).
 */
import { isObj, str } from "@/lib/ingest/audit/util";

/** "Pod" → "pods", "Ingress" → "ingresses", "NetworkPolicy" → "networkpolicies", "Endpoints" → "endpoints". */
export function resourceOfKind(kind: string | null): string | null {
  if (!kind) return null;
  const k = kind.toLowerCase();
  if (/(ss|x|ch|sh)$/.test(k)) return k + "es";
  if (/[^aeiou]y$/.test(k)) return k.slice(0, -1) + "ies";
  // Kinds that are already plural (Endpoints) stay as they are.
  if (k.endsWith("s")) return k;
  return k + "s";
}

/** Kinds whose objects live outside namespaces: their Events sit in "default", which is not where the object is. */
export const CLUSTER_SCOPED = new Set([
  "Node", "Namespace", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
  "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "PriorityClass", "IngressClass", "CSIDriver", "CSINode", "RuntimeClass",
  "CertificateSigningRequest", "APIService", "VolumeAttachment",
]);

export const WORKLOAD_KINDS = new Set(["Deployment", "DaemonSet", "StatefulSet", "Job", "CronJob", "ReplicaSet", "ReplicationController"]);

// Kubernetes' random-suffix alphabet (no vowels, no 0/1/3). Old clusters (< 1.8) used numeric
// ReplicaSet hashes and allowed every digit in the suffix; the hash segment keeps that specific.
const C = "[bcdfghjklmnpqrstvwxz2456789]";
const DEPLOYMENT_POD = new RegExp(`^(.+)-(?:${C}{6,10}|\\d{6,10})-[bcdfghjklmnpqrstvwxz0-9]{5}$`);
const SUFFIXED_POD = new RegExp(`^(.+)-${C}{5}$`);
const STATEFUL_POD = /^(.+)-(?:0|[1-9]\d{0,3})$/;
const RS_HASH = new RegExp(`^(.+)-(?:${C}{6,10}|\\d{6,10})$`);

/** Labels as Falco prints them ("[k:v, k2:v2]" or ["k:v"]) or as an object. */
export function labelMap(v: unknown): Record<string, string> | null {
  if (isObj(v)) return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
  const items = Array.isArray(v) ? v : typeof v === "string" ? v.replace(/^[[(]|[\])]$/g, "").split(/,\s*/) : null;
  if (!items) return null;
  const out: Record<string, string> = {};
  for (const item of items) {
    if (typeof item !== "string") continue;
    const i = item.indexOf(":");
    if (i > 0) out[item.slice(0, i).trim()] = item.slice(i + 1).trim();
  }
  return Object.keys(out).length ? out : null;
}

/** The workload a controller owner stands for: a ReplicaSet is its Deployment (minus the template hash). */
export function workloadOfOwner(kind: string | null, name: string | null, hash?: string | null): string | null {
  if (!kind || !name) return null;
  if (kind === "ReplicaSet") {
    if (hash && name.endsWith(`-${hash}`)) return name.slice(0, -hash.length - 1);
    return RS_HASH.exec(name)?.[1] ?? name;
  }
  return WORKLOAD_KINDS.has(kind) ? name : null;
}

/** The controller among `ownerReferences` (Fluent Bit's Owner_References, event-exporter's involvedObject). */
export function controllerOwner(refs: unknown): { kind: string | null; name: string | null } | null {
  if (!Array.isArray(refs) || refs.length === 0) return null;
  const ref = refs.find((r) => isObj(r) && r.controller === true) ?? refs[0];
  return isObj(ref) ? { kind: str(ref.kind), name: str(ref.name) } : null;
}

/**
 * The workload of a pod: from its controller owner when known, else its
 * labels (pod-template-hash, statefulset pod-name, job-name,
 * controller-revision-hash), else the shape of its name. Null for a bare pod.
 */
export function workloadOfPod(pod: string | null, labels?: Record<string, string> | null, owner?: { kind: string | null; name: string | null } | null): string | null {
  const hash = labels?.["pod-template-hash"] ?? null;
  const fromOwner = owner ? workloadOfOwner(owner.kind, owner.name, hash) : null;
  if (fromOwner) return fromOwner;
  if (!pod) return null;
  if (labels) {
    const job = labels["batch.kubernetes.io/job-name"] ?? labels["job-name"];
    if (job) return job;
    if (hash) {
      const i = pod.lastIndexOf(`-${hash}-`);
      if (i > 0) return pod.slice(0, i);
    }
    if (labels["statefulset.kubernetes.io/pod-name"] === pod) return STATEFUL_POD.exec(pod)?.[1] ?? null;
    if (labels["controller-revision-hash"]) return SUFFIXED_POD.exec(pod)?.[1] ?? null;
    // Controllers always label their pods; with labels known and none of those, it is a bare pod.
    return null;
  }
  // Without labels only the random-suffix shapes are trusted. An ordinal ("web-1") is
  // just as often a hand-named bare pod, so StatefulSets need their label.
  return (DEPLOYMENT_POD.exec(pod) ?? SUFFIXED_POD.exec(pod))?.[1] ?? null;
}
