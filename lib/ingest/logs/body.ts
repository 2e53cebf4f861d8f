/**
 * Request body → records, shared by the audit, Falco, logs and Kubernetes
 * Events normalizers: a body that is one JSON value is used whole and anything
 * else is read line by line, so one broken line is rejected on its own. A line
 * that is not JSON can still be a record (a syslog line), and containers are
 * format-specific (EventList, Fluent Bit `[ts, {...}]` pairs), hence the hooks.
 */
import type { NormalizedEvent } from "@/lib/events/types";
import { RecordError } from "@/lib/ingest/audit/errors";
import { isObj, rawOf, truncateUtf8 } from "@/lib/ingest/audit/util";
import { MAX_RAW_CHARS, type NormalizeResult, type Rejected } from "../types";

export { RecordError };
/** A decoded record and where it came from: the line number (NDJSON) or the item position (one JSON value). */
export type Positioned = { index: number; value: unknown };

export type DecodeOptions = {
  /** what the endpoint takes, for the error when nothing in the body decodes */
  expected: string;
  /** spreads a container value into its records; null when the value is a record itself */
  spread: (value: unknown) => unknown[] | null;
  /** turns a line that is not JSON into a record, or throws RecordError saying what it is not */
  textLine?: (line: string) => unknown;
};

/**
 * A record made from a text line (a syslog line, a syslog-framed Falco alert):
 * its data plus the line itself, which is what a rejection shows.
 */
export class LineRecord<T> {
  constructor(readonly line: string, readonly data: T) {}
}

function rawText(value: unknown): string {
  return value instanceof LineRecord ? value.line : rawOf(value);
}

/**
 * Fluent Bit's `[ts, {record}]` pair (stdout/test output; `[[ts, {meta}], {record}]`
 * in the v2 event format): the record and its time, or null when not a pair.
 */
export function unpair(v: unknown): { time: unknown; record: unknown } | null {
  if (!Array.isArray(v) || v.length !== 2 || !isObj(v[1])) return null;
  const head: unknown = v[0];
  if (typeof head === "number" || (typeof head === "string" && /^\d+(\.\d+)?$/.test(head))) return { time: head, record: v[1] };
  if (Array.isArray(head) && head.length === 2 && typeof head[0] === "number" && isObj(head[1])) return { time: head[0], record: v[1] };
  return null;
}

/** The default spread: a JSON array is a batch, unless it is one Fluent Bit pair. */
export function spreadArray(v: unknown): unknown[] | null {
  return Array.isArray(v) && !unpair(v) ? v : null;
}

function expand(value: unknown, spread: DecodeOptions["spread"], depth = 0): unknown[] {
  const list = depth < 3 ? spread(value) : null;
  return list === null ? [value] : list.flatMap((v) => expand(v, spread, depth + 1));
}

/** Decodes a body. Throws RecordError only when it is empty or no part of it decodes. */
export function decodeRecords(body: Buffer | string, opts: DecodeOptions): { records: Positioned[]; rejected: Rejected[] } {
  let text = typeof body === "string" ? body : body.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new RecordError(`empty body: expected ${opts.expected}`);

  const head = text.trimStart()[0];
  if (head === "{" || head === "[") {
    try {
      const whole: unknown = JSON.parse(text);
      return { records: expand(whole, opts.spread).map((value, index) => ({ index, value })), rejected: [] };
    } catch {
      // not a single JSON value: read it line by line
    }
  }

  const records: Positioned[] = [];
  const rejected: Rejected[] = [];
  let decoded = 0;
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, "");
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      const starts = line.trimStart()[0];
      // A line that starts like JSON was meant to be JSON (e.g. truncated): say so rather than "not syslog".
      if (!opts.textLine || starts === "{" || starts === "[") {
        rejected.push({ index, reason: `line ${index + 1} is not valid JSON (${why.slice(0, 200)})`, raw: truncateUtf8(line, MAX_RAW_CHARS) });
        continue;
      }
      try {
        value = opts.textLine(line);
      } catch (e) {
        const reason = e instanceof RecordError ? e.message : `could not be read: ${e instanceof Error ? e.message : String(e)}`;
        rejected.push({ index, reason: `line ${index + 1}: ${reason}`, raw: truncateUtf8(line, MAX_RAW_CHARS) });
        continue;
      }
    }
    decoded++;
    for (const v of expand(value, opts.spread)) records.push({ index, value: v });
  }
  if (decoded === 0) throw new RecordError(`body is not ${opts.expected}: ${rejected[0]?.reason ?? "nothing found"}`);
  return { records, rejected };
}

/**
 * Runs `one` over every record; a record that throws is rejected with its
 * reason (a RecordError's message, or a generic one for a normalizer bug on
 * odd input) and the rest are kept. `one` returns null for a record that is
 * deliberately skipped (e.g. a watch BOOKMARK).
 */
export function normalizeEach(
  decoded: { records: Positioned[]; rejected: Rejected[] },
  one: (value: unknown) => NormalizedEvent | null,
): NormalizeResult {
  const events: NormalizedEvent[] = [];
  const failed: Rejected[] = [];
  for (const { index, value } of decoded.records) {
    try {
      const e = one(value);
      if (e) events.push(e);
    } catch (err) {
      const reason = err instanceof RecordError ? err.message : `could not be normalized: ${err instanceof Error ? err.message : String(err)}`;
      failed.push({ index, reason, raw: truncateUtf8(rawText(value), MAX_RAW_CHARS) });
    }
  }
  return { events, rejected: [...decoded.rejected, ...failed].sort((a, b) => a.index - b.index) };
}
