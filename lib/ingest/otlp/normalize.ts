import { emptyEvent, type Layer, type NormalizedEvent, type Severity } from "@/lib/events/types";
import type { BodyNormalizer, NormalizeContext, NormalizeResult, Rejected } from "@/lib/ingest/types";
import { rawOf } from "@/lib/ingest/audit/util";
import { decodeExportRequest } from "./proto";

type Obj = Record<string, unknown>;
/** A log record that cannot be mapped; rejected alone, its neighbours are kept. */
class RecordError extends Error {}

/** Nested AnyValue depth we follow; deeper values are a malformed (or hostile) record, not a log line. */
const MAX_DEPTH = 32;
const MAX_U64 = (1n << 64n) - 1n;
export const PROTOBUF_TYPES: ReadonlySet<string> = new Set(["application/x-protobuf", "application/protobuf"]);

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const str = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);
const snakeCache = new Map<string, string>();

/** A field by its proto3 JSON name or by its proto field name (OTLP/JSON receivers must accept both). null means unset. */
function field(o: Obj, camel: string): unknown {
  let snake = snakeCache.get(camel);
  if (!snake) snakeCache.set(camel, (snake = camel.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase())));
  const v = o[camel] !== undefined ? o[camel] : o[snake];
  return v === null ? undefined : v;
}

function list(o: Obj, camel: string): unknown[] {
  const v = field(o, camel);
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new RecordError(`${camel} must be an array, got ${kindOf(v)}`);
  return v;
}

/** Keys come from the sender; "__proto__" must become a plain property, not a prototype. */
function put(o: Obj, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** OTLP int64 (JSON string or number) → a number when exact, else the decimal string. */
function int64(v: unknown, what: string): number | string {
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string" && /^-?\d{1,20}$/.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : BigInt(v).toString();
  }
  throw new RecordError(`${what} must be an integer, got ${JSON.stringify(v)?.slice(0, 40)}`);
}

/** AnyValue → plain JSON (string, number, boolean, array, object, or null when empty). */
function plain(v: unknown, depth: number): unknown {
  if (v === undefined) return null;
  if (!isObj(v)) throw new RecordError(`AnyValue must be an object, got ${kindOf(v)}`);
  if (depth > MAX_DEPTH) throw new RecordError(`AnyValue nested deeper than ${MAX_DEPTH} levels`);
  let x: unknown;
  if ((x = field(v, "stringValue")) !== undefined) {
    if (typeof x !== "string") throw new RecordError(`stringValue must be a string, got ${kindOf(x)}`);
    return x;
  }
  if ((x = field(v, "boolValue")) !== undefined) {
    if (typeof x !== "boolean") throw new RecordError(`boolValue must be a boolean, got ${kindOf(x)}`);
    return x;
  }
  if ((x = field(v, "intValue")) !== undefined) return int64(x, "intValue");
  if ((x = field(v, "doubleValue")) !== undefined) {
    if (typeof x === "number") return x;
    // proto3 JSON spells non-finite doubles as strings; JSON cannot hold them as numbers, so they stay text.
    if (x === "NaN" || x === "Infinity" || x === "-Infinity") return x;
    if (typeof x === "string" && x.trim() !== "" && Number.isFinite(Number(x))) return Number(x);
    throw new RecordError(`doubleValue must be a number, got ${JSON.stringify(x)?.slice(0, 40)}`);
  }
  if ((x = field(v, "arrayValue")) !== undefined) {
    if (!isObj(x)) throw new RecordError(`arrayValue must be an object, got ${kindOf(x)}`);
    return list(x, "values").map((item) => plain(item, depth + 1));
  }
  if ((x = field(v, "kvlistValue")) !== undefined) {
    if (!isObj(x)) throw new RecordError(`kvlistValue must be an object, got ${kindOf(x)}`);
    return keyValues(list(x, "values"), depth + 1);
  }
  if ((x = field(v, "bytesValue")) !== undefined) {
    if (typeof x !== "string") throw new RecordError(`bytesValue must be a base64 string, got ${kindOf(x)}`);
    return x;
  }
  return null;
}

/** repeated KeyValue → { key: plain value }; a later duplicate key wins, like the collector's pcommon.Map. */
function keyValues(items: unknown[], depth = 0): Obj {
  const out: Obj = {};
  for (const kv of items) {
    if (!isObj(kv)) throw new RecordError(`KeyValue must be an object, got ${kindOf(kv)}`);
    const key = field(kv, "key");
    if (typeof key !== "string") throw new RecordError(`KeyValue.key must be a string, got ${kindOf(key)}`);
    put(out, key, plain(field(kv, "value"), depth));
  }
  return out;
}

/** Unix nanoseconds (JSON: string or number; protobuf: decimal string from fixed64); 0 when unset. */
function nanos(v: unknown, what: string): bigint {
  if (v === undefined) return 0n;
  let n: bigint | null = null;
  if (typeof v === "string" && /^\d{1,20}$/.test(v)) n = BigInt(v);
  else if (typeof v === "number" && Number.isInteger(v) && v >= 0) {
    n = BigInt(v);
    // A JSON number this large was already rounded (a double near 2^60 is exact to ~256 ns);
    // keep microseconds so that noise does not turn into fake nanosecond digits.
    if (!Number.isSafeInteger(v)) n = ((n + 500n) / 1000n) * 1000n;
  }
  if (n === null || n > MAX_U64) throw new RecordError(`${what} must be unsigned nanoseconds since the epoch, got ${JSON.stringify(v)?.slice(0, 40)}`);
  return n;
}

/** Date keeps milliseconds; tsText keeps the rest (trailing zeros dropped), Postgres rounds it to microseconds. */
function timeOf(ns: bigint): { ts: Date; tsText?: string } {
  const ts = new Date(Number(ns / 1_000_000n));
  if (ns % 1_000_000n === 0n) return { ts };
  const frac = (ns % 1_000_000_000n).toString().padStart(9, "0").replace(/0+$/, "");
  return { ts, tsText: `${ts.toISOString().slice(0, 19)}.${frac}Z` };
}

/** traceId/spanId: hex in OTLP/JSON, raw bytes (here base64) in protobuf; stored as lower-case hex. */
function idOf(v: unknown, bytes: number, what: string, encoding: "hex" | "base64"): string | undefined {
  if (v === undefined || v === "") return undefined;
  if (typeof v !== "string") throw new RecordError(`${what} must be a string, got ${kindOf(v)}`);
  const hex = encoding === "hex" ? v.toLowerCase() : Buffer.from(v, "base64").toString("hex");
  if (!new RegExp(`^[0-9a-f]{${bytes * 2}}$`).test(hex)) throw new RecordError(`${what} must be ${bytes} bytes (${bytes * 2} hex digits)`);
  return hex;
}

const SEVERITY_NAMES = ["UNSPECIFIED", "TRACE", "TRACE2", "TRACE3", "TRACE4", "DEBUG", "DEBUG2", "DEBUG3", "DEBUG4", "INFO", "INFO2", "INFO3", "INFO4", "WARN", "WARN2", "WARN3", "WARN4", "ERROR", "ERROR2", "ERROR3", "ERROR4", "FATAL", "FATAL2", "FATAL3", "FATAL4"];

/** severityNumber: an integer, or (proto3 JSON allows it) the enum value's name. */
function severityNumberOf(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "number" && Number.isInteger(v)) return v;
  if (typeof v === "string") {
    const i = SEVERITY_NAMES.indexOf(v.replace(/^SEVERITY_NUMBER_/, ""));
    if (i >= 0) return i;
    if (/^\d{1,3}$/.test(v)) return Number(v);
  }
  throw new RecordError(`severityNumber must be 0-24, got ${JSON.stringify(v)?.slice(0, 40)}`);
}

const TEXT_SEVERITY: [RegExp, Severity][] = [
  [/^(trace|debug|dbg|verbose|fine)/, "debug"],
  [/^(info|normal)/, "info"],
  [/^notice/, "notice"],
  [/^warn/, "warning"],
  [/^err/, "error"],
  [/^(fatal|crit)/, "critical"],
  [/^alert/, "alert"],
  [/^(emerg|panic)/, "emergency"],
];

/** The OTLP severity ranges (TRACE/DEBUG, INFO, WARN, ERROR, FATAL) onto ours; the text only when the number is unset. */
export function severityOf(num: number | undefined, text: string | undefined): Severity {
  if (num !== undefined && num >= 1 && num <= 24) {
    return num <= 8 ? "debug" : num <= 12 ? "info" : num <= 16 ? "warning" : num <= 20 ? "error" : "critical";
  }
  const t = (text ?? "").trim().toLowerCase();
  for (const [re, sev] of TEXT_SEVERITY) if (re.test(t)) return sev;
  return "info";
}

const WORKLOAD_KEYS = ["k8s.deployment.name", "k8s.statefulset.name", "k8s.daemonset.name", "k8s.job.name"];

type Resource = { attrs: Obj; cluster: string | null };
type Scope = { name?: string; version?: string; attrs: Obj };

function mapRecord(rec: unknown, res: Resource, scope: Scope, ctx: NormalizeContext, ids: "hex" | "base64"): NormalizedEvent {
  if (!isObj(rec)) throw new RecordError(`log record must be an object, got ${kindOf(rec)}`);
  const attrs = keyValues(list(rec, "attributes"));
  // k8s.* belong on the resource, but some receivers (k8seventsreceiver) put them on the record.
  const k = (key: string) => str(res.attrs[key]) ?? str(attrs[key]);

  const time = nanos(field(rec, "timeUnixNano"), "timeUnixNano");
  const observed = nanos(field(rec, "observedTimeUnixNano"), "observedTimeUnixNano");
  // The spec lets a sender leave the event time 0 ("unknown"); fall back to when it was observed, then to now.
  const when = time > 0n ? timeOf(time) : observed > 0n ? timeOf(observed) : { ts: new Date() };

  const severityNumber = severityNumberOf(field(rec, "severityNumber"));
  const severityText = field(rec, "severityText");
  if (severityText !== undefined && typeof severityText !== "string") throw new RecordError(`severityText must be a string, got ${kindOf(severityText)}`);
  const eventName = field(rec, "eventName");
  if (eventName !== undefined && typeof eventName !== "string") throw new RecordError(`eventName must be a string, got ${kindOf(eventName)}`);
  const flags = field(rec, "flags");
  if (flags !== undefined && !(typeof flags === "number" && Number.isInteger(flags) && flags >= 0)) throw new RecordError("flags must be an unsigned integer");
  const traceId = idOf(field(rec, "traceId"), 16, "traceId", ids);
  const spanId = idOf(field(rec, "spanId"), 8, "spanId", ids);
  const rawBody = field(rec, "body");
  const body = rawBody === undefined ? undefined : plain(rawBody, 0);
  const message = body === undefined || body === null ? (eventName ?? "") : typeof body === "string" ? body : typeof body === "object" ? JSON.stringify(body) : String(body);

  const pod = k("k8s.pod.name");
  const node = k("k8s.node.name") ?? k("host.name");
  const imageName = k("container.image.name");
  const tags = res.attrs["container.image.tags"];
  const tag = k("container.image.tag") ?? (Array.isArray(tags) ? str(tags[0]) : null);
  // Kubernetes Events collected as logs (k8seventsreceiver) describe an object, not a container's output.
  const isKubeEvent = /k8seventsreceiver/.test(scope.name ?? "") || Object.keys(attrs).some((key) => key.startsWith("k8s.event."));
  const objectKind = isKubeEvent ? k("k8s.object.kind") : null;
  const objectName = isKubeEvent ? k("k8s.object.name") : null;
  const layer: Layer = isKubeEvent ? "k8s-event" : pod ? "container" : node ? "node" : "container";

  const attributes: Obj = { resource: res.attrs, scope: { name: scope.name, version: scope.version, ...(Object.keys(scope.attrs).length ? { attributes: scope.attrs } : {}) }, attributes: attrs };
  const extra: Obj = { traceId, spanId, severityText, severityNumber, eventName, flags };
  if (observed > 0n && observed !== time) extra.observedTimeUnixNano = observed.toString();
  // A structured body stays queryable as JSON, besides its text in `message`.
  if (body !== null && typeof body === "object") extra.body = body;
  for (const [key, v] of Object.entries(extra)) if (v !== undefined) attributes[key] = v;

  return emptyEvent({
    ...when,
    cluster: res.cluster ?? ctx.cluster,
    layer,
    source: "otlp",
    severity: severityOf(severityNumber, severityText),
    node,
    namespace: k("k8s.namespace.name"),
    pod: pod ?? (objectKind === "Pod" ? objectName : null),
    container: k("k8s.container.name"),
    workload: WORKLOAD_KEYS.map(k).find((w) => w !== null) ?? null,
    resource: objectKind ? (objectKind === "Pod" ? "pods" : objectKind.toLowerCase() + "s") : null,
    objectName,
    message,
    attributes,
    image: imageName ? (tag && !imageName.includes("@") ? `${imageName}:${tag}` : imageName) : null,
  });
}

const reasonOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Walks resourceLogs → scopeLogs → logRecords. `index` counts log records in
 * request order; a resourceLogs/scopeLogs entry too broken to enumerate its
 * records takes one index of its own. A broken resource or scope rejects the
 * records under it (without it their cluster and placement are unknown).
 */
function walk(req: Obj, ctx: NormalizeContext, ids: "hex" | "base64"): NormalizeResult {
  const resourceLogs = field(req, "resourceLogs");
  if (resourceLogs !== undefined && !Array.isArray(resourceLogs)) throw new Error(`resourceLogs must be an array, got ${kindOf(resourceLogs)}`);
  const events: NormalizedEvent[] = [];
  const rejected: Rejected[] = [];
  let index = 0;
  const reject = (raw: unknown, reason: string) => rejected.push({ index: index++, reason, raw: rawOf(raw) });

  for (const rl of resourceLogs ?? []) {
    if (!isObj(rl)) { reject(rl, `resourceLogs entry must be an object, got ${kindOf(rl)}`); continue; }
    const scopeLogs = field(rl, "scopeLogs") ?? [];
    if (!Array.isArray(scopeLogs)) { reject(rl, `scopeLogs must be an array, got ${kindOf(scopeLogs)}`); continue; }
    let res: Resource | null = null;
    let resErr = "";
    try {
      const r = field(rl, "resource") ?? {};
      if (!isObj(r)) throw new RecordError(`must be an object, got ${kindOf(r)}`);
      const attrs = keyValues(list(r, "attributes"));
      res = { attrs, cluster: str(attrs["k8s.cluster.name"]) };
    } catch (err) {
      resErr = `resource: ${reasonOf(err)}`;
    }
    for (const sl of scopeLogs) {
      if (!isObj(sl)) { reject(sl, `scopeLogs entry must be an object, got ${kindOf(sl)}`); continue; }
      const records = field(sl, "logRecords") ?? [];
      if (!Array.isArray(records)) { reject(sl, `logRecords must be an array, got ${kindOf(records)}`); continue; }
      let scope: Scope | null = null;
      let scopeErr = "";
      try {
        const s = field(sl, "scope") ?? {};
        if (!isObj(s)) throw new RecordError(`must be an object, got ${kindOf(s)}`);
        const name = field(s, "name");
        const version = field(s, "version");
        if ((name !== undefined && typeof name !== "string") || (version !== undefined && typeof version !== "string")) throw new RecordError("name and version must be strings");
        scope = { name: str(name) ?? undefined, version: str(version) ?? undefined, attrs: keyValues(list(s, "attributes")) };
      } catch (err) {
        scopeErr = `scope: ${reasonOf(err)}`;
      }
      for (const rec of records) {
        try {
          if (!res || !scope) throw new RecordError(resErr || scopeErr);
          events.push(mapRecord(rec, res, scope, ctx, ids));
          index++;
        } catch (err) {
          // Never let one record fail the batch, whatever went wrong with it.
          reject(rec, reasonOf(err));
        }
      }
    }
  }
  return { events, rejected };
}

/**
 * OTLP/HTTP logs: an ExportLogsServiceRequest as protobuf
 * (application/x-protobuf) or as OTLP/JSON (anything else the route lets
 * through). Throws only when the body is not such a request at all.
 */
export const normalizeOtlpBody: BodyNormalizer = (body, ctx) => {
  if (PROTOBUF_TYPES.has(ctx.contentType)) {
    let req: Obj;
    try {
      req = decodeExportRequest(body);
    } catch (err) {
      throw new Error(`not an OTLP protobuf ExportLogsServiceRequest: ${reasonOf(err)}`);
    }
    return walk(req, ctx, "base64");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new Error(`not valid JSON: ${reasonOf(err)}`);
  }
  if (!isObj(parsed)) throw new Error(`expected an ExportLogsServiceRequest object, got ${kindOf(parsed)}`);
  return walk(parsed, ctx, "hex");
};
