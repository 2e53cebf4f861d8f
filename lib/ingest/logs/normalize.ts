/**
 * Container and node logs → NormalizedEvent, for what log shippers POST:
 * Fluent Bit's `http` output (`format json`: a JSON array with a `date` key per
 * record; `format json_lines`: NDJSON), the `[ts, {...}]` pairs of Fluent
 * Bit's stdout/test files, Vector's `http` sink (JSON array or NDJSON), and
 * plain RFC 5424/3164 syslog lines (text/plain).
 *
 * Each record is sorted by its fields, not by the endpoint it came to:
 * a Kubernetes identity makes it a container log (container.ts); journald or
 * syslog fields make it a node log (node.ts); a shipped line that is itself
 * syslog is a node log too. Everything else is rejected, including raw
 * Docker/CRI lines without Kubernetes metadata: with no pod, namespace or
 * container they cannot be filtered, attributed or alerted on, and they mean
 * the shipper's kubernetes filter is missing — a fix the analyst can make.
 */
import type { NormalizedEvent } from "@/lib/events/types";
import { isObj, kindOf, obj, type Obj } from "@/lib/ingest/audit/util";
import type { BodyNormalizer } from "../types";
import { decodeRecords, LineRecord, normalizeEach, RecordError, spreadArray, unpair } from "./body";
import { containerEvent, containerIdentity } from "./container";
import { recordCluster, text } from "./fields";
import { journaldEvent, nodeKind, syslogJsonEvent, syslogTextEvent } from "./node";
import { parseSyslogLine, type SyslogLine } from "./syslog";
import { firstTime, type ParsedTime } from "./time";

export { RecordError };

/** Records meant for another endpoint, named so the fix is obvious. */
function elsewhere(r: Obj): string | null {
  if (typeof r.auditID === "string" || (typeof r.apiVersion === "string" && r.apiVersion.startsWith("audit.k8s.io/"))) return "a Kubernetes audit event: send it to the k8s-audit endpoint";
  if (typeof r.rule === "string" && typeof r.priority === "string" && ("output" in r || "output_fields" in r)) return "a Falco alert: send it to the falco endpoint";
  if (r.kind === "Event" || r.kind === "EventList" || (isObj(r.involvedObject) && "reason" in r) || (isObj(r.regarding) && "reason" in r)) {
    return "a Kubernetes Event: send it to the k8s-events endpoint";
  }
  return null;
}

/** One record (JSON value, Fluent Bit pair, or syslog text line) → a container or node event. */
export function normalizeLogRecord(value: unknown, cluster: string): NormalizedEvent {
  if (value instanceof LineRecord) return syslogTextEvent(value.data as SyslogLine, value.line, cluster);
  const pair = unpair(value);
  const r = pair ? pair.record : value;
  if (!isObj(r)) throw new RecordError(`expected a log record (JSON object), got ${kindOf(r)}`);
  const other = elsewhere(r);
  if (other) throw new RecordError(`this is ${other}, not a log record`);
  const pairTime = pair?.time;
  const c = recordCluster(r) ?? cluster;

  const id = containerIdentity(r);
  if (id) return containerEvent(r, id, pairTime, c);
  const kind = nodeKind(r);
  if (kind === "journald") return journaldEvent(r, pairTime, c);
  if (kind === "syslog") return syslogJsonEvent(r, pairTime, c);

  const line = text(r.log) ?? text(r.message);
  // stream/logtag/_p are written by container runtimes only (Docker json-file, CRI).
  if (line !== null && ("stream" in r || "logtag" in r || "_p" in r) && !obj(r.kubernetes)) {
    throw new RecordError(
      "container log line without Kubernetes metadata (a raw Docker/CRI record): no pod, namespace or container to file it under — enable Fluent Bit's kubernetes filter or Vector's kubernetes_logs source",
    );
  }
  // A syslog file tailed without a parser (Fluent Bit tail, Vector file): the line is all there is.
  const syslog = line ? parseSyslogLine(line) : null;
  if (line && syslog) {
    let fallback: ParsedTime | undefined;
    try {
      fallback = firstTime([["date", r.date], ["timestamp", r.timestamp], ["[ts]", pairTime]]);
    } catch {
      fallback = undefined;
    }
    return syslogTextEvent(syslog, line, c, r, fallback);
  }
  if (obj(r.kubernetes)) throw new RecordError("kubernetes block names no pod: it needs namespace_name and pod_name (Fluent Bit) or pod_namespace and pod_name (Vector)");
  throw new RecordError("neither a container log (no kubernetes metadata) nor a node log (no journald or syslog fields)");
}

/** A body line that is not JSON must be a syslog line. */
function syslogLine(line: string): LineRecord<SyslogLine> {
  const s = parseSyslogLine(line);
  if (!s) throw new RecordError("neither JSON nor an RFC 5424/3164 syslog line");
  return new LineRecord(line, s);
}

export const normalizeLogsBody: BodyNormalizer = (body, ctx) => {
  const decoded = decodeRecords(body, {
    expected: "JSON log records (Fluent Bit json/json_lines, Vector http sink) or syslog lines",
    spread: spreadArray,
    textLine: syslogLine,
  });
  return normalizeEach(decoded, (v) => normalizeLogRecord(v, ctx.cluster));
};
