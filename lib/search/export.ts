import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { EVENT_COLUMNS, run, tsParam, timeRange, toStoredEvent, whereFor, type EventRow } from "./events";
import { csvHeader, csvRow, ndjsonRow } from "./export-format";
import type { ExportParams } from "./schemas";

/** Rows fetched per keyset step: big enough to amortize a round trip, small enough for constant memory. */
export const EXPORT_BATCH = 2_000;

export type PreparedExport = {
  from: Date;
  to: Date;
  where: Prisma.Sql;
  format: ExportParams["format"];
  limit: number;
  filename: string;
  contentType: string;
};

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");

/** Validates everything before the response starts, so a bad query is a 400, not a broken download. */
export function prepareExport(p: ExportParams): PreparedExport {
  const { from, to } = timeRange(p.from, p.to);
  const where = whereFor(p.q);
  const ext = p.format === "csv" ? "csv" : "ndjson";
  return {
    from, to, where, format: p.format, limit: p.limit,
    filename: `crowsnest-events-${stamp(from)}-${stamp(to)}.${ext}`,
    contentType: p.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
  };
}

/**
 * The export's text, newest first, one keyset batch at a time (no OFFSET,
 * no more than one batch in memory), stopping at the row limit.
 */
export async function* exportChunks(db: Db, x: PreparedExport, batch = EXPORT_BATCH): AsyncGenerator<string> {
  if (x.format === "csv") yield csvHeader();
  let sent = 0;
  let cursor: { tsUs: string; id: string } | null = null;
  while (sent < x.limit) {
    const n = Math.min(batch, x.limit - sent);
    const after: Prisma.Sql = cursor
      ? Prisma.sql`AND e.ts <= ${tsParam(cursor.tsUs)} AND (e.ts, e.id) < (${tsParam(cursor.tsUs)}, ${cursor.id}::bigint)`
      : Prisma.empty;
    const rows: EventRow[] = await run<EventRow>(db, Prisma.sql`
      SELECT ${EVENT_COLUMNS} FROM events e
      WHERE e.ts >= ${x.from} AND e.ts <= ${x.to} ${after} AND ${x.where}
      ORDER BY e.ts DESC, e.id DESC LIMIT ${n}`);
    if (rows.length === 0) return;
    let text = "";
    for (const r of rows) text += x.format === "csv" ? csvRow(toStoredEvent(r)) : ndjsonRow(toStoredEvent(r));
    yield text;
    sent += rows.length;
    const last = rows[rows.length - 1];
    cursor = { tsUs: String(last.ts_us), id: String(last.id) };
    if (rows.length < n) return;
  }
}

/** A web stream over exportChunks that pulls the next batch only when the client has taken the last. */
export function exportStream(db: Db, x: PreparedExport): ReadableStream<Uint8Array> {
  const it = exportChunks(db, x);
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(enc.encode(value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}
