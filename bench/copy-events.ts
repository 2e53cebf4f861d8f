/**
 * Rows for `COPY events … FROM STDIN` (text format), shared by the ingest
 * bench (raw COPY for comparison) and the search bench (fast bulk load).
 */
import type { NormalizedEvent } from "../lib/events/types";
import { eventTime } from "../lib/events/types";
import { tsvectorLiteral } from "../lib/search/query/words";

export const COPY_COLUMNS = `ts, cluster, layer, source, severity, node, namespace, pod, container, workload, actor, actor_type,
  impersonated, verb, resource, subresource, object_name, code, source_ip, message, attributes, hash, search`;

/** COPY text-format escaping; NUL cannot be stored in text and is dropped. */
export function copyEscape(v: string | null | undefined): string {
  return v == null ? "\\N" : v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\u0000/g, "");
}

/** One line for COPY_COLUMNS; `hashHex` is the 64-hex dedup hash, `id` prepends an explicit id when given. */
export function copyLine(e: NormalizedEvent, hashHex: string, id?: number): string {
  const cols = [eventTime(e), e.cluster, e.layer, e.source, e.severity, e.node, e.namespace, e.pod, e.container, e.workload, e.actor, e.actorType,
    e.impersonated, e.verb, e.resource, e.subresource, e.objectName, e.code == null ? null : String(e.code), e.sourceIp, e.message,
    JSON.stringify(e.attributes)].map(copyEscape);
  cols.push(`\\\\x${hashHex}`, copyEscape(tsvectorLiteral(e)));
  if (id !== undefined) cols.unshift(String(id));
  return cols.join("\t") + "\n";
}
