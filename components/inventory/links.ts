import type { TimeRange } from "@/lib/client/entity-links";

const quote = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** The timeline searching `fields` (exact values, quoted) over the same range. */
export function timelineHref(fields: Record<string, string | null | undefined>, range: TimeRange): string {
  const q = Object.entries(fields)
    .filter((e): e is [string, string] => !!e[1])
    .map(([k, v]) => `${k}:${quote(v)}`)
    .join(" AND ");
  const sp = new URLSearchParams({ q });
  if (range.from) sp.set("from", range.from);
  if (range.to) sp.set("to", range.to);
  return `/events?${sp.toString()}`;
}

export function coverageHref(cluster: string, range: TimeRange): string {
  const sp = new URLSearchParams();
  if (range.from) sp.set("from", range.from);
  if (range.to) sp.set("to", range.to);
  const s = sp.toString();
  return `/clusters/${encodeURIComponent(cluster)}/coverage${s ? `?${s}` : ""}`;
}
