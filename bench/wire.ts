import type { NormalizedEvent } from "../lib/events/types";

export type WireBatch = { path: string; contentType: string; body: string; count: number };

/**
 * Turns demo events back into what shippers send: the demo keeps each native
 * record whole in `attributes` (audit Event, Falco alert, Fluent Bit record,
 * journald record, v1 Event), so each layer goes to its own endpoint in its
 * own format, in batches of `size`.
 */
export function wireBatches(events: NormalizedEvent[], size: number): WireBatch[] {
  const byPath = new Map<string, { records: unknown[]; wrap: (r: unknown[]) => string; contentType: string }>();
  const out: WireBatch[] = [];
  const flush = (path: string) => {
    const g = byPath.get(path)!;
    if (g.records.length) out.push({ path, contentType: g.contentType, body: g.wrap(g.records), count: g.records.length });
    g.records = [];
  };
  for (const e of events) {
    const [path, wrap, contentType] = route(e);
    let g = byPath.get(path);
    if (!g) byPath.set(path, (g = { records: [], wrap, contentType }));
    g.records.push(e.attributes);
    if (g.records.length >= size) flush(path);
  }
  for (const path of byPath.keys()) flush(path);
  return out;
}

const jsonArray = (r: unknown[]) => JSON.stringify(r);
const ndjson = (r: unknown[]) => r.map((x) => JSON.stringify(x)).join("\n");
const eventList = (r: unknown[]) => JSON.stringify({ kind: "EventList", apiVersion: "audit.k8s.io/v1", items: r });

function route(e: NormalizedEvent): [string, (r: unknown[]) => string, string] {
  switch (e.layer) {
    case "audit":
      return ["/api/v1/ingest/k8s-audit", eventList, "application/json"];
    case "runtime":
      return ["/api/v1/ingest/falco", ndjson, "application/x-ndjson"];
    case "k8s-event":
      return ["/api/v1/ingest/k8s-events", ndjson, "application/x-ndjson"];
    case "container":
    case "node":
      return ["/api/v1/ingest/logs", jsonArray, "application/json"];
  }
}
