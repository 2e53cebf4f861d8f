import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoredEvent } from "@/lib/events/types";
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from "@/lib/search/events";

async function run<T>(db: Db, q: Prisma.Sql): Promise<T[]> {
  const { rows } = await db.pool.query(q.text, q.values as unknown[]);
  return rows as T[];
}

/** An event reference kept without a foreign key (events are partitioned and expire): id + ts in integer microseconds. */
export type EventRef = { id: string; tsUs: string };

/**
 * The stored events behind references, matched on the exact microsecond
 * timestamp (a JS Date would round audit timestamps to milliseconds and miss
 * them). References whose events retention has dropped are simply absent.
 */
export async function eventsByRefs(db: Db, refs: EventRef[]): Promise<StoredEvent[]> {
  if (refs.length === 0) return [];
  const rows = await run<EventRow>(db, Prisma.sql`
    SELECT ${EVENT_COLUMNS} FROM events e
    JOIN unnest(${refs.map((r) => r.id)}::bigint[], ${refs.map((r) => r.tsUs)}::bigint[]) AS k(id, us)
      ON e.id = k.id AND e.ts = timestamptz 'epoch' + k.us * interval '1 microsecond'
    ORDER BY e.ts DESC, e.id DESC`);
  return rows.map(toStoredEvent);
}

/** The newest `limit` events linked to an alert. */
export async function alertEventRefs(db: Db, alertId: number, limit = 200): Promise<EventRef[]> {
  const rows = await run<{ id: string; us: string }>(db, Prisma.sql`
    SELECT event_id::text AS id, (extract(epoch from event_ts) * 1000000)::bigint::text AS us
    FROM alert_events WHERE alert_id = ${alertId} ORDER BY event_ts DESC LIMIT ${limit}`);
  return rows.map((r) => ({ id: r.id, tsUs: r.us }));
}

/** ISO-8601 with microseconds → integer microseconds since the epoch (exact; Date.parse would drop them). */
export function isoToUs(iso: string): string | null {
  const m = iso.trim().match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/);
  if (!m) return null;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return null;
  const frac = (m[2] ?? "").padEnd(6, "0").slice(0, 6);
  return (BigInt(ms) * 1000n + BigInt(frac)).toString();
}
