import type { Db } from "@/lib/db";

const DAY_MS = 86_400_000;
// Partitions known to exist in this process; creating one is an advisory-locked DDL.
const known = new Set<string>();

export function dayStart(ts: Date | number): number {
  const t = typeof ts === "number" ? ts : ts.getTime();
  return Math.floor(t / DAY_MS) * DAY_MS;
}

export function partitionName(day: number): string {
  return "events_p" + new Date(day).toISOString().slice(0, 10).replace(/-/g, "");
}

/**
 * Makes sure a daily partition exists for every day in `timestamps`. Records
 * may arrive late (an audit log replayed from last year) or early (clock
 * skew), so partitions are created on demand as well as ahead of time.
 */
export async function ensurePartitions(db: Db, timestamps: Iterable<Date | number>): Promise<void> {
  const days = new Set<number>();
  for (const ts of timestamps) {
    const d = dayStart(ts);
    if (!known.has(partitionName(d))) days.add(d);
  }
  if (days.size === 0) return;
  const client = await db.pool.connect();
  try {
    for (const day of [...days].sort()) {
      const name = partitionName(day);
      await client.query("BEGIN");
      try {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('crowsnest.partitions'))");
        const exists = await client.query("SELECT 1 FROM pg_class WHERE relname = $1 AND relkind = 'r'", [name]);
        if (exists.rowCount === 0) {
          const from = new Date(day).toISOString();
          const to = new Date(day + DAY_MS).toISOString();
          // DDL cannot take bind parameters; the name and bounds are derived
          // from a number above, never from input text.
          await client.query(`CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF "events" FOR VALUES FROM ('${from}') TO ('${to}')`);
        }
        await client.query("COMMIT");
        known.add(name);
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      }
    }
  } finally {
    client.release();
  }
}

/** Creates today's partition and `daysAhead` after it, so midnight never waits on DDL. */
export async function createPartitionsAhead(db: Db, daysAhead = 3, now = Date.now()): Promise<void> {
  const stamps = Array.from({ length: daysAhead + 1 }, (_, i) => now + i * DAY_MS);
  await ensurePartitions(db, stamps);
}

export type PartitionInfo = { name: string; from: Date; to: Date };

export async function listPartitions(db: Db): Promise<PartitionInfo[]> {
  const { rows } = await db.pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'events' ORDER BY c.relname`,
  );
  return rows
    .map((r) => {
      const m = r.name.match(/^events_p(\d{4})(\d{2})(\d{2})$/);
      if (!m) return null;
      const from = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return { name: r.name, from, to: new Date(from.getTime() + DAY_MS) };
    })
    .filter((p): p is PartitionInfo => p !== null);
}

/** Retention: drops whole partitions that ended more than `days` ago (cheap, no row deletes). */
export async function dropExpiredPartitions(db: Db, days: number, now = Date.now()): Promise<string[]> {
  const cutoff = dayStart(now - days * DAY_MS);
  const dropped: string[] = [];
  for (const p of await listPartitions(db)) {
    if (p.to.getTime() <= cutoff) {
      await db.pool.query(`DROP TABLE IF EXISTS "${p.name}"`);
      known.delete(p.name);
      dropped.push(p.name);
    }
  }
  return dropped;
}

/** Forget cached partition names (tests that drop tables behind our back). */
export function resetPartitionCache(): void {
  known.clear();
}
