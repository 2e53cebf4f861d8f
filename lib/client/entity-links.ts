/**
 * URLs of the Kubernetes entity pages. Every segment is encoded (names come from
 * logs, i.e. from attackers); the time range travels as ?from=&to= so the entity
 * page opens on the same window the analyst was looking at.
 */
export type TimeRange = { from?: string | null; to?: string | null };

export type EntityKind = "cluster" | "node" | "namespace" | "pod";

/** What an entity link needs; StoredEvent satisfies it. */
export type EntityRef = { cluster: string; node?: string | null; namespace?: string | null; pod?: string | null };

const seg = encodeURIComponent;

function withRange(path: string, range?: TimeRange): string {
  const sp = new URLSearchParams();
  if (range?.from) sp.set("from", range.from);
  if (range?.to) sp.set("to", range.to);
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}

export function clusterHref(cluster: string, range?: TimeRange): string {
  return withRange(`/clusters/${seg(cluster)}`, range);
}

export function nodeHref(cluster: string, node: string, range?: TimeRange): string {
  return withRange(`/clusters/${seg(cluster)}/nodes/${seg(node)}`, range);
}

export function namespaceHref(cluster: string, namespace: string, range?: TimeRange): string {
  return withRange(`/clusters/${seg(cluster)}/namespaces/${seg(namespace)}`, range);
}

export function podHref(cluster: string, namespace: string, pod: string, range?: TimeRange): string {
  return withRange(`/clusters/${seg(cluster)}/namespaces/${seg(namespace)}/pods/${seg(pod)}`, range);
}

/** The page of one entity an event names, or null when the event lacks what the path needs. */
export function entityHref(kind: EntityKind, e: EntityRef, range?: TimeRange): string | null {
  if (!e.cluster) return null;
  switch (kind) {
    case "cluster":
      return clusterHref(e.cluster, range);
    case "node":
      return e.node ? nodeHref(e.cluster, e.node, range) : null;
    case "namespace":
      return e.namespace ? namespaceHref(e.cluster, e.namespace, range) : null;
    case "pod":
      return e.namespace && e.pod ? podHref(e.cluster, e.namespace, e.pod, range) : null;
  }
}
