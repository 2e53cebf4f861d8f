/** Search-language helpers shared by the alert and incident pages (pure, unit-tested). */

/** A field term with the value quoted, so names with `-`, `*`, spaces or quotes match literally. */
export function fieldTerm(field: string, value: string): string {
  return `${field}:"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * The cross-layer context of an alert: everything on its cluster, narrowed to
 * the namespace and pod when the alert has them (a pod name alone is ambiguous
 * across namespaces, so the namespace is kept alongside it).
 */
export function entityContextQuery(a: { cluster?: string | null; namespace?: string | null; pod?: string | null }): string | null {
  const parts: string[] = [];
  if (a.cluster) parts.push(fieldTerm("cluster", a.cluster));
  if (a.namespace) parts.push(fieldTerm("namespace", a.namespace));
  if (a.pod) parts.push(fieldTerm("pod", a.pod));
  return parts.length > 0 ? parts.join(" AND ") : null;
}

/** ±minutes around an instant, as ISO strings: evidence links carry an absolute window. */
export function windowAround(fromIso: string, toIso: string, minutes: number): { from: string; to: string } {
  const pad = minutes * 60_000;
  return {
    from: new Date(new Date(fromIso).getTime() - pad).toISOString(),
    to: new Date(new Date(toIso).getTime() + pad).toISOString(),
  };
}

/** A timeline link; from/to must already be absolute so the link shows the same events tomorrow. */
export function eventsSearchHref(q: string, from?: string | null, to?: string | null): string {
  const sp = new URLSearchParams();
  if (q) sp.set("q", q);
  if (from) sp.set("from", from);
  if (to) sp.set("to", to);
  const s = sp.toString();
  return s ? `/events?${s}` : "/events";
}
