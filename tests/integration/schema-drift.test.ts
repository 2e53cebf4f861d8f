import { afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { testDb } from "../setup/db";
import { expectedDataType, readPrismaSchema } from "../setup/prisma-schema";

// The Prisma CLI's engine (and so `prisma migrate diff`) cannot run offline;
// this compares schema.prisma with the database the hand-written migrations build.
const schema = readPrismaSchema(join(process.cwd(), "prisma", "schema.prisma"));
const db = testDb();
afterAll(() => db.pool.end());

describe("migrations match schema.prisma", () => {
  it("has exactly the tables of the models (plus partitions and bookkeeping)", async () => {
    const { rows } = await db.pool.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
    );
    const tables = rows.map((r) => r.relname).filter((t) => t !== "_prisma_migrations").sort();
    expect(tables).toEqual(schema.models.map((m) => m.table).sort());
  });

  it("enums have the same values", async () => {
    for (const [name, values] of Object.entries(schema.enums)) {
      const { rows } = await db.pool.query<{ v: string }>(
        `SELECT e.enumlabel AS v FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid WHERE t.typname = $1 ORDER BY e.enumsortorder`,
        [name],
      );
      expect(rows.map((r) => r.v), name).toEqual(values);
    }
  });

  for (const model of schema.models) {
    it(`${model.name} → ${model.table}: columns, types, nullability, keys`, async () => {
      const { rows } = await db.pool.query<{ column_name: string; data_type: string; is_nullable: string; udt_name: string }>(
        `SELECT column_name, data_type, is_nullable, udt_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [model.table],
      );
      const cols = new Map(rows.map((r) => [r.column_name, r]));
      expect([...cols.keys()].sort()).toEqual(model.fields.map((f) => f.column).sort());
      for (const f of model.fields) {
        const c = cols.get(f.column)!;
        const want = expectedDataType(f, schema.enums);
        const got = c.data_type === "USER-DEFINED" && f.unsupported ? c.udt_name : c.data_type;
        expect(got, `${model.table}.${f.column} type`).toBe(want);
        if (want === "USER-DEFINED") expect(c.udt_name).toBe(f.type);
        // Prisma lists are nullable columns; everything else follows `?`.
        if (!f.list) expect(c.is_nullable === "YES", `${model.table}.${f.column} nullability`).toBe(f.optional);
      }
      const idx = await db.pool.query<{ unique: boolean; columns: string[] }>(
        `SELECT i.indisunique AS unique, array_agg(a.attname ORDER BY k.ord)::text[] AS columns
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         WHERE t.relname = $1 GROUP BY i.indexrelid, i.indisunique`,
        [model.table],
      );
      for (const want of model.indexes) {
        const found = idx.rows.some((r) => r.unique === want.unique && r.columns.join(",") === want.columns.join(","));
        expect(found, `${model.table} index (${want.columns.join(", ")}) unique=${want.unique}`).toBe(true);
      }
    });
  }
});
