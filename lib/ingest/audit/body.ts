import { RecordError } from "./errors";
import { isObj, truncateUtf8 } from "./util";

export type Rejected = { index: number; reason: string; raw: string };
/** A decoded record and where it came from: the line number (NDJSON) or the item position (one JSON value). */
export type Positioned = { index: number; value: unknown };

/**
 * Spreads containers into their records: an audit EventList (what the webhook
 * backend POSTs), a plain array, or an Azure Event Hub `{records: [...]}` batch.
 */
function items(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isObj(value)) {
    if (value.kind === "EventList" && Array.isArray(value.items)) return value.items;
    if (Array.isArray(value.records) && !("verb" in value)) return value.records;
  }
  return null;
}

/**
 * Splits a request body into records. A body that is one JSON value is used
 * whole; otherwise it is read as NDJSON, and a broken line is rejected on its
 * own so one truncated write does not drop the rest of the batch.
 */
export function decodeBody(text: string): { records: Positioned[]; rejected: Rejected[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new RecordError("empty body: expected an audit Event, EventList, JSON array or NDJSON");

  try {
    const whole: unknown = JSON.parse(body);
    const list = items(whole);
    return { records: (list ?? [whole]).map((value, index) => ({ index, value })), rejected: [] };
  } catch {
    // not a single JSON value: fall through to NDJSON
  }

  const records: Positioned[] = [];
  const rejected: Rejected[] = [];
  let decoded = 0;
  const lines = body.split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, "");
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      rejected.push({ index, reason: `line ${index + 1} is not valid JSON (${why.slice(0, 200)})`, raw: truncateUtf8(line) });
      continue;
    }
    decoded++;
    for (const v of items(value) ?? [value]) records.push({ index, value: v });
  }
  if (decoded === 0) {
    const first = rejected[0]?.reason ?? "no JSON found";
    throw new RecordError(`body is neither JSON nor NDJSON: ${first}`);
  }
  return { records, rejected };
}
