import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** The one database handle: Prisma for the relational model, the same pg pool for bulk SQL. */
export type Db = { prisma: PrismaClient; pool: pg.Pool };

// Keep BIGINT ids exact as strings; timestamps stay Dates.
pg.types.setTypeParser(20, (v) => v);

export function createDb(connectionString: string, max = 10): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // Answer well inside a shipper's 30 s timeout, even when the database hangs.
    query_timeout: 25_000,
    application_name: "crowsnest",
  });
  // A dropped idle connection (database restarted) must not crash the server.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return { prisma, pool };
}

const globalForDb = globalThis as unknown as { crowsnestDb?: Db };

export function getDb(): Db {
  if (!globalForDb.crowsnestDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (start Crowsnest with `npm start`)");
    globalForDb.crowsnestDb = createDb(url, Number(process.env.CROWSNEST_DB_POOL ?? 10));
  }
  return globalForDb.crowsnestDb;
}
