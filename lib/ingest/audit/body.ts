import { decodeRecords, type Positioned } from "@/lib/ingest/logs/body";
import { isObj } from "./util";

export type Rejected = { index: number; reason: string; raw: string };

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
 * Splits a request body into records: one JSON value is used whole, anything
 * else is read as NDJSON and a broken line is rejected on its own, so one
 * truncated write does not drop the rest of the batch (the shared decoder of
 * every JSON endpoint, with the audit containers).
 */
export function decodeBody(text: string): { records: Positioned[]; rejected: Rejected[] } {
  return decodeRecords(text, { expected: "an audit Event, EventList, JSON array or NDJSON", spread: items });
}
