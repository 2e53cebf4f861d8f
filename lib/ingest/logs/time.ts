/**
 * Timestamps as log shippers write them. Unlike the audit log (always RFC 3339),
 * shippers use several encodings for the same instant: Fluent Bit's
 * `json_date_format` (double, epoch, epoch_ms, iso8601, java_sql_timestamp),
 * journald's microsecond counters, Vector's RFC 3339 with nanoseconds, and the
 * `[ts, {...}]` float of Fluent Bit's own test/out files. Shared by the
 * Falco, logs and Kubernetes Events normalizers.
 */
import { RecordError } from "@/lib/ingest/audit/errors";
import { kindOf, pickTimestamp, type ParsedTime } from "@/lib/ingest/audit/util";

export type { ParsedTime };

const DIGITS = /^(\d+)(?:\.(\d+))?$/;
// java_sql_timestamp ("2018-05-30 09:39:52.000681"): no zone, Fluent Bit writes UTC.
const SQL_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)$/;
// "+0000" offsets (strftime %z, as in Falco's output text) lack the colon RFC 3339 requires.
const COMPACT_OFFSET = /([+-]\d{2})(\d{2})$/;

/**
 * Epoch seconds/ms/µs/ns → a Date plus, when it has sub-millisecond digits,
 * the RFC 3339 text that keeps them. The unit is told by the number of
 * integer digits: ≤ 11 seconds (until year 5138), ≤ 14 ms, ≤ 17 µs, else ns.
 */
function fromEpoch(field: string, text: string): ParsedTime {
  const m = DIGITS.exec(text);
  if (!m) throw new RecordError(`bad timestamp in ${field}: ${JSON.stringify(text.slice(0, 64))} is not a number of seconds since 1970`);
  const int = m[1].replace(/^0+(?=\d)/, "");
  const shift = int.length <= 11 ? 0 : int.length <= 14 ? 3 : int.length <= 17 ? 6 : 9;
  const seconds = shift ? int.slice(0, int.length - shift) || "0" : int;
  const fraction = (shift ? int.slice(int.length - shift) : "") + (m[2] ?? "");
  const ms = Number(seconds) * 1000 + Number(fraction.slice(0, 3).padEnd(3, "0"));
  const date = new Date(ms);
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime())) throw new RecordError(`bad timestamp in ${field}: ${text.slice(0, 64)} is out of range`);
  const sub = fraction.slice(0, 9).replace(/0+$/, "");
  return { date, precise: sub.length > 3 ? `${date.toISOString().slice(0, 19)}.${sub}Z` : null };
}

/**
 * One timestamp value of any of the encodings above. Throws RecordError,
 * naming the field, when the value is set but unreadable.
 */
export function parseTime(field: string, value: unknown): ParsedTime {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) throw new RecordError(`bad timestamp in ${field}: ${value} is not a time`);
    // String() gives the shortest text that round-trips, i.e. the digits the shipper wrote.
    const parsed = fromEpoch(field, Number.isInteger(value) ? BigInt(value).toString() : String(value));
    // Past 2^53 (epoch nanoseconds) a double is off by up to ~256 ns: keep microseconds only.
    if (parsed.precise && !Number.isSafeInteger(Math.trunc(value))) parsed.precise = parsed.precise.replace(/(\.\d{6})\d+Z$/, "$1Z");
    return parsed;
  }
  if (typeof value !== "string") throw new RecordError(`bad timestamp in ${field}: expected a string or number, got ${kindOf(value)}`);
  const text = value.trim();
  if (DIGITS.test(text)) return fromEpoch(field, text);
  const sql = SQL_TIME.exec(text);
  const rfc = sql ? `${sql[1]}T${sql[2]}Z` : text.replace(COMPACT_OFFSET, "$1:$2");
  const parsed = pickTimestamp([[field, rfc]]);
  // Keep what the shipper wrote when it already was RFC 3339; otherwise the normalized text.
  return parsed.precise ? { date: parsed.date, precise: rfc === text ? value : rfc } : parsed;
}

/**
 * The first of `candidates` ([field, value]) that is set and readable. A set
 * but unreadable value is skipped when a later one parses (shippers put app
 * fields such as `time` next to their own), and is the reason when none does.
 */
export function firstTime(candidates: [string, unknown][]): ParsedTime {
  let firstError: RecordError | null = null;
  for (const [field, value] of candidates) {
    if (value === undefined || value === null || value === "") continue;
    try {
      return parseTime(field, value);
    } catch (err) {
      if (!(err instanceof RecordError)) throw err;
      firstError ??= err;
    }
  }
  if (firstError) throw firstError;
  throw new RecordError(`no timestamp: none of ${candidates.map(([f]) => f).join(", ")} is set`);
}
