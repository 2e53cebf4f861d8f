import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StoredEvent } from "@/lib/events/types";
import { EVENT_COLUMNS, toStoredEvent, type EventRow } from "@/lib/search/events";

/** The columns toStoredEvent reads: the search API's list, so both stay in step. */
export { EVENT_COLUMNS };
export type EventRowOf = EventRow;

export async function run<T>(db: Db, sql: Prisma.Sql): Promise<T[]> {
  const { rows } = await db.pool.query(sql.text, sql.values as unknown[]);
  return rows as T[];
}

/** Newest-first events matching `where` in [from, to], at most `limit`. */
export async function recentEvents(db: Db, where: Prisma.Sql, from: Date, to: Date, limit: number): Promise<StoredEvent[]> {
  const rows = await run<EventRowOf>(db, Prisma.sql`
    SELECT ${EVENT_COLUMNS} FROM events e
    WHERE e.ts >= ${from} AND e.ts <= ${to} AND ${where}
    ORDER BY e.ts DESC, e.id DESC LIMIT ${limit}`);
  return rows.map(toStoredEvent);
}

/** A LIKE pattern matching `q` as a literal substring (%, _ and \ escaped). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const iso = (d: Date) => d.toISOString();
