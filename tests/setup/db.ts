import { inject } from "vitest";
import { createDb, type Db } from "../../lib/db";

export function testDb(): Db {
  return createDb(inject("databaseUrl"), 5);
}

/** Empties every table except the migration bookkeeping, so each test file starts clean. */
export async function resetDb(db: Db): Promise<void> {
  const { rows } = await db.pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND tablename NOT LIKE 'events_p%'`,
  );
  const list = rows.map((r) => `"${r.tablename}"`).join(", ");
  // Table names come from the catalog, not from input.
  await db.pool.query(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

/** Ends the pool that route handlers open through getDb(), so the test process can exit. */
export async function closeAppDb(): Promise<void> {
  const g = globalThis as unknown as { crowsnestDb?: Db };
  await g.crowsnestDb?.pool.end().catch(() => {});
  g.crowsnestDb = undefined;
}
