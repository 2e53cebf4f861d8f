/**
 * Falco alerts → NormalizedEvent (layer "runtime").
 *
 * Takes what Falco's JSON output (file/stdout/http_output, `json_output: true`)
 * and Falcosidekick's webhook send: one alert, a JSON array, NDJSON, or lines
 * framed by syslog (RFC 5424 or BSD) whose message is the JSON alert. Alerts
 * of the k8saudit plugin (`source: k8s_audit`) carry `ka.*` fields instead of
 * process/container ones; they stay "runtime" (Falco raised them) but fill the
 * audit columns. Pure: no DB, no I/O.
 */
import { emptyEvent, shortContainerId, type NormalizedEvent, type Severity } from "@/lib/events/types";
import { actorTypeOf } from "@/lib/ingest/audit/normalize";
import { isObj, kindOf, obj, str, validIp, type Obj } from "@/lib/ingest/audit/util";
import { labelMap, workloadOfPod } from "@/lib/ingest/k8s-events/objects";
import { decodeRecords, LineRecord, normalizeEach, RecordError, spreadArray, unpair } from "@/lib/ingest/logs/body";
import { parseSyslogLine, type SyslogLine } from "@/lib/ingest/logs/syslog";
import { firstTime, parseTime } from "@/lib/ingest/logs/time";
import type { BodyNormalizer } from "../types";

export { RecordError };

const PRIORITY: Record<string, Severity> = {
  emergency: "emergency", alert: "alert", critical: "critical", error: "error", warning: "warning",
  notice: "notice", informational: "info", info: "info", debug: "debug",
};

/** Falco writes "<NA>" (and sidekick sometimes "") for a field that has no value in this event. */
function val(v: unknown): string | null {
  const s = str(v);
  return s === null || s === "<NA>" || s === "N/A" ? null : s;
}

function num(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d{1,3}$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) ? n : null;
}

/** repository:tag as the container was started; the full `container.image` when the parts are missing. */
function imageOf(f: Obj): string | null {
  const repo = val(f["container.image.repository"]);
  const tag = val(f["container.image.tag"]);
  if (repo) return tag ? `${repo}:${tag}` : repo;
  return val(f["container.image"]);
}

/** ka.sourceips is a list; Falco may render it as "[10.0.0.1, ...]" text. */
function firstIp(v: unknown): string | null {
  const items = Array.isArray(v) ? v : typeof v === "string" ? v.replace(/^[[(]|[\])]$/g, "").split(/[,\s]+/) : [];
  return validIp(items[0]);
}

function containerFromUri(uri: string | null): string | null {
  const q = uri?.indexOf("?") ?? -1;
  if (!uri || q < 0) return null;
  return str(new URLSearchParams(uri.slice(q + 1)).get("container"));
}

function checkAlert(a: Obj): void {
  if (a.kind === "Event" || "auditID" in a) throw new RecordError("this is a Kubernetes audit event, not a Falco alert: send it to the k8s-audit endpoint");
  if (!str(a.rule) && !str(a.output)) throw new RecordError("not a Falco alert: it has neither `rule` nor `output`");
  if (a.output_fields !== undefined && a.output_fields !== null && !isObj(a.output_fields)) {
    throw new RecordError(`output_fields must be an object, got ${kindOf(a.output_fields)}`);
  }
}

/**
 * One Falco/Falcosidekick alert → NormalizedEvent. Throws RecordError when the
 * value is not an alert, has no readable `time`, or an unknown `priority`.
 */
export function normalizeFalcoAlert(raw: unknown, cluster: string): NormalizedEvent {
  const framed = raw instanceof LineRecord ? (raw as LineRecord<{ syslog: SyslogLine; alert: unknown }>) : null;
  // Fluent Bit forwarding Falco's file output may send `[ts, {alert}]` pairs; the alert has its own time.
  const a = framed ? framed.data.alert : (unpair(raw)?.record ?? raw);
  if (!isObj(a)) throw new RecordError(`expected a Falco alert (JSON object), got ${kindOf(a)}`);
  checkAlert(a);

  const prio = str(a.priority);
  const severity = prio ? PRIORITY[prio.toLowerCase()] : undefined;
  if (!severity) throw new RecordError(prio ? `unknown Falco priority ${JSON.stringify(prio)}` : "Falco alert without a priority");
  // Falco and Sidekick always write `time` (RFC 3339, nanoseconds); the evt.* fields are fallbacks for
  // hand-trimmed alerts (ISO text or epoch nanoseconds; evt.time may be a bare clock, which is refused).
  const f = obj(a.output_fields) ?? {};
  const time = a.time !== undefined && a.time !== null && a.time !== ""
    ? parseTime("time", a.time)
    : firstTime([["time", a.time], ["output_fields.evt.time.iso8601", f["evt.time.iso8601"]], ["output_fields.evt.rawtime", f["evt.rawtime"]], ["output_fields.evt.time", f["evt.time"]]]);

  const rule = str(a.rule);
  const e = emptyEvent({
    ts: time.date,
    ...(time.precise ? { tsText: time.precise } : {}),
    cluster,
    layer: "runtime",
    source: str(a.uuid) ? "falcosidekick" : "falco",
    severity,
    message: str(a.output) ?? rule ?? "",
    image: null,
    attributes: framed ? { ...a, syslog: syslogHeader(framed.data.syslog) } : { ...a },
  });
  // Falcosidekick's uuid names one alert however it is re-serialized on retry.
  if (str(a.uuid)) e.dedupKey = `falcosidekick:${str(a.uuid)}`;
  e.node = val(a.hostname) ?? framed?.data.syslog.host ?? null;

  if (str(a.source) === "k8s_audit" || Object.keys(f).some((k) => k.startsWith("ka."))) return auditAlert(e, f);

  e.namespace = val(f["k8s.ns.name"]);
  e.pod = val(f["k8s.pod.name"]);
  // "host" is Falco's container for events outside any container.
  const cid = val(f["container.id"]);
  const cname = val(f["container.name"]);
  e.container = cid === "host" || cname === "host" ? null : cname;
  // Kept so alerts from hosts without Kubernetes metadata can be tied to a pod (lib/ingest/enrich).
  e.containerId = cid === "host" ? null : shortContainerId(cid);
  e.image = e.container ? imageOf(f) : null;
  e.workload = e.pod ? workloadOfPod(e.pod, labelMap(f["k8s.pod.labels"])) : null;
  e.actor = val(f["user.name"]);
  e.actorType = e.actor ? "user" : null;
  return e;
}

/** k8saudit plugin alert: the audit event's who/what/where in ka.* fields. */
function auditAlert(e: NormalizedEvent, f: Obj): NormalizedEvent {
  e.actor = val(f["ka.user.name"]);
  e.actorType = actorTypeOf(e.actor);
  e.impersonated = val(f["ka.impuser.name"]);
  e.verb = val(f["ka.verb"]);
  e.resource = val(f["ka.target.resource"]);
  e.subresource = val(f["ka.target.subresource"]);
  e.objectName = val(f["ka.target.name"]);
  e.namespace = val(f["ka.target.namespace"]) ?? (e.resource === "namespaces" ? e.objectName : null);
  e.code = num(f["ka.response.code"]);
  e.sourceIp = firstIp(f["ka.sourceips"]);
  // The Falco host only received the webhook; the node column is for the node the event is about.
  e.node = e.resource === "nodes" ? e.objectName : null;
  if (e.resource === "pods") {
    e.pod = e.objectName;
    e.workload = workloadOfPod(e.pod);
    if (e.subresource) e.container = containerFromUri(val(f["ka.uri"]));
  }
  return e;
}

/** The syslog frame an alert came in, kept beside it (the message itself is the alert). */
function syslogHeader(s: SyslogLine): Obj {
  return {
    format: s.format, pri: s.pri, timestamp: s.time ? (s.time.precise ?? s.time.date.toISOString()) : null,
    host: s.host, app: s.app, pid: s.pid, msgId: s.msgId, structuredData: s.structuredData,
  };
}

/**
 * A line that is not JSON: a syslog frame around a JSON alert. Anything else
 * (Falco's text output, a syslog line with a plain message) is rejected.
 */
function syslogFramed(line: string): LineRecord<{ syslog: SyslogLine; alert: unknown }> {
  const syslog = parseSyslogLine(line);
  if (!syslog) throw new RecordError("neither JSON nor a syslog line (Falco must run with json_output: true)");
  const start = syslog.message.indexOf("{");
  if (start < 0) throw new RecordError("syslog message is not a Falco JSON alert (Falco must run with json_output: true)");
  try {
    return new LineRecord(line, { syslog, alert: JSON.parse(syslog.message.slice(start)) as unknown });
  } catch (err) {
    throw new RecordError(`syslog message is not valid JSON (${(err instanceof Error ? err.message : String(err)).slice(0, 200)})`);
  }
}

export const normalizeFalcoBody: BodyNormalizer = (body, ctx) => {
  const decoded = decodeRecords(body, {
    expected: "a Falco JSON alert, a JSON array, NDJSON or syslog-framed JSON alerts",
    spread: spreadArray,
    textLine: syslogFramed,
  });
  return normalizeEach(decoded, (v) => normalizeFalcoAlert(v, ctx.cluster));
};
