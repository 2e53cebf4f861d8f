import { isIP } from "node:net";
import { RecordError } from "./errors";

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A non-empty string or null: audit producers emit "" for "not set" (e.g. objectRef.namespace of cluster-scoped objects). */
export function str(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}

export function int(v: unknown): number | null {
  return typeof v === "number" && Number.isInteger(v) ? v : null;
}

export function obj(v: unknown): Obj | null {
  return isObj(v) ? v : null;
}

/** Short description of a JSON value's type for error messages. */
export function kindOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}

/**
 * A source IP fit for the Postgres `inet` column, or null. Node accepts IPv6
 * zone ids ("fe80::1%eth0") that inet rejects, so those are refused here too;
 * GKE also writes placeholders such as "gce-internal-ip" into callerIp.
 */
export function validIp(v: unknown): string | null {
  if (typeof v !== "string" || v.includes("%")) return null;
  return isIP(v) ? v : null;
}

// RFC 3339 as the API server (Go) writes it; fractions up to nanoseconds.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})$/;

export type ParsedTime = { date: Date; /** the original text when it has sub-millisecond digits a Date cannot hold */ precise: string | null };

/**
 * Parses the first set timestamp among `candidates` ([fieldName, value]).
 * Go's zero time ("0001-01-01T00:00:00Z") means "unset" and is skipped; any
 * other unparseable value is an error rather than a silent fallback, so a
 * corrupted record is not filed under the wrong time.
 */
export function pickTimestamp(candidates: [string, unknown][]): ParsedTime {
  for (const [field, value] of candidates) {
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") throw new RecordError(`bad timestamp in ${field}: expected an RFC 3339 string, got ${kindOf(value)}`);
    const m = RFC3339.exec(value);
    if (m && m[1] === "0001") continue;
    // Date keeps milliseconds only; cut the fraction so every engine parses it the same way.
    const date = m ? new Date(value.replace(/\.(\d{1,9})/, (_s, f: string) => "." + f.slice(0, 3).padEnd(3, "0"))) : null;
    if (!date || Number.isNaN(date.getTime())) throw new RecordError(`bad timestamp in ${field}: ${JSON.stringify(value.slice(0, 64))} is not RFC 3339`);
    return { date, precise: m && m[7] && m[7].length > 3 ? value : null };
  }
  throw new RecordError(`no timestamp: none of ${candidates.map(([f]) => f).join(", ")} is set`);
}

export const RAW_LIMIT = 64 * 1024;

/** Cuts text to at most `limit` UTF-8 bytes without splitting a character. */
export function truncateUtf8(text: string, limit = RAW_LIMIT): string {
  if (text.length * 3 <= limit) return text;
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= limit) return text;
  let end = limit;
  // Step back over UTF-8 continuation bytes (10xxxxxx) to a character start.
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

/** JSON text of a record for a rejection entry, capped like raw lines are. */
export function rawOf(value: unknown): string {
  let text: string;
  try {
    text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return truncateUtf8(text);
}
