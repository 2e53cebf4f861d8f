import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoredEvent } from "@/lib/events/types";
import { HttpError } from "@/lib/http/errors";
import { EVENT_COLUMNS, run, tsParam, toStoredEvent, whereFor, type EventRow } from "./events";
import { parseTime } from "./time";
import type { TailParams } from "./schemas";

export const TAIL_MAX = 500;

/**
 * Live tail by arrival, exactly once. Events are stamped `received_at` =
 * their ingest transaction's start, but become visible only at its commit,
 * so "received after the newest row I saw" would miss a slow batch that
 * started earlier and committed later. Each poll therefore reads up to a
 * watermark W: no transaction that could still commit rows stamped before W
 * is open (W = the start of the oldest open writing transaction, and never
 * later than now − 250 ms). A poll returns rows received in [previous W, W);
 * the next starts at W, so consecutive polls neither overlap nor leave gaps.
 * Lag: the poll interval + 250 ms (+ the length of a batch in flight).
 */
export type TailResult = { events: StoredEvent[]; cursor: string; truncated: boolean };

const PREFIX = "tail:";

export function encodeTailCursor(us: bigint | string): string {
  return Buffer.from(PREFIX + String(us)).toString("base64url");
}

/** A tail cursor, an ISO time or a relative time (now-1m) → microseconds since the epoch. */
export function decodeTailSince(since: string, now = Date.now()): bigint {
  const raw = Buffer.from(since, "base64url").toString();
  const m = raw.match(/^tail:(\d{1,17})$/);
  if (m) return BigInt(m[1]);
  const t = parseTime(since, now);
  if (!t) throw new HttpError(400, "invalid 'since': expected a tail cursor or an ISO-8601 time");
  return BigInt(t.getTime()) * 1000n;
}

/**
 * The watermark, in microseconds. Transactions of other sessions count when
 * they have written (backend_xid) or are young enough to be between BEGIN
 * and their first insert; a long read-only query does not hold the tail back.
 */
async function watermark(db: Db): Promise<bigint> {
  const [r] = await run<{ w: string }>(db, Prisma.sql`
    SELECT (extract(epoch FROM LEAST(
      clock_timestamp() - interval '250 milliseconds',
      (SELECT min(xact_start) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
          AND xact_start IS NOT NULL AND (backend_xid IS NOT NULL OR xact_start > clock_timestamp() - interval '5 seconds'))
    )) * 1000000)::bigint AS w`);
  return BigInt(r.w);
}

export async function tailEvents(db: Db, p: TailParams): Promise<TailResult> {
  const where = whereFor(p.q);
  const w = await watermark(db);
  const since = p.since ? decodeTailSince(p.since) : w;
  if (since >= w) return { events: [], cursor: encodeTailCursor(since > w ? since : w), truncated: false };
  const rows = await run<EventRow>(db, Prisma.sql`
    SELECT ${EVENT_COLUMNS} FROM events e
    WHERE e.received_at >= ${tsParam(since)} AND e.received_at < ${tsParam(w)} AND ${where}
    ORDER BY e.received_at DESC, e.id DESC LIMIT ${TAIL_MAX + 1}`);
  const truncated = rows.length > TAIL_MAX;
  const events = rows.slice(0, TAIL_MAX).map(toStoredEvent);
  events.sort((a, b) => (a.ts < b.ts ? 1 : a.ts > b.ts ? -1 : Number(BigInt(b.id) - BigInt(a.id))));
  return { events, cursor: encodeTailCursor(w), truncated };
}
