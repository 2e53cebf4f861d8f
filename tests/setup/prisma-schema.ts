import { readFileSync } from "node:fs";

/** A deliberately small reader of schema.prisma: enough to compare it with the migrated database. */
export type PField = { name: string; column: string; type: string; optional: boolean; list: boolean; native: string | null; unsupported: string | null };
export type PModel = { name: string; table: string; fields: PField[]; indexes: { columns: string[]; unique: boolean }[] };
export type PSchema = { models: PModel[]; enums: Record<string, string[]> };

const SCALARS = new Set(["String", "Int", "BigInt", "Boolean", "DateTime", "Json", "Bytes", "Float", "Decimal"]);

export function readPrismaSchema(path: string): PSchema {
  const src = readFileSync(path, "utf8").replace(/\/\/.*$/gm, "");
  const enums: Record<string, string[]> = {};
  for (const m of src.matchAll(/enum\s+(\w+)\s*\{([^}]*)\}/g)) enums[m[1]] = m[2].split(/\s+/).filter(Boolean);
  const models: PModel[] = [];
  for (const m of src.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    const body = m[2];
    const table = body.match(/@@map\("([^"]+)"\)/)?.[1] ?? m[1];
    const fields: PField[] = [];
    const indexes: PModel["indexes"] = [];
    for (const raw of body.split("\n").map((l) => l.trim()).filter(Boolean)) {
      if (raw.startsWith("@@")) continue;
      const fm = raw.match(/^(\w+)\s+(Unsupported\("([^"]+)"\)|\w+)(\[\])?(\?)?(.*)$/);
      if (!fm) continue;
      const [, name, typeRaw, unsupported, list, optional, attrs] = fm;
      const type = unsupported ? "Unsupported" : typeRaw;
      if (!unsupported && !SCALARS.has(type) && !enums[type]) continue; // relation field
      const column = attrs.match(/@map\("([^"]+)"\)/)?.[1] ?? name;
      fields.push({ name, column, type, optional: !!optional, list: !!list, native: attrs.match(/@db\.(\w+)/)?.[1] ?? null, unsupported: unsupported ?? null });
      if (/@id\b/.test(attrs) || /@unique\b/.test(attrs)) indexes.push({ columns: [column], unique: true });
    }
    const colOf = (n: string) => fields.find((f) => f.name === n.replace(/\(.*\)/, "").trim())?.column ?? n;
    for (const im of body.matchAll(/@@(id|unique|index)\(\[([^\]]+)\]/g)) {
      indexes.push({ columns: im[2].split(",").map((c) => colOf(c)), unique: im[1] !== "index" });
    }
    models.push({ name: m[1], table, fields, indexes });
  }
  return { models, enums };
}

/** The information_schema data type PostgreSQL reports for a Prisma field. */
export function expectedDataType(f: PField, enums: Record<string, string[]>): string {
  if (f.list) return "ARRAY";
  if (f.unsupported) return f.unsupported;
  if (enums[f.type]) return "USER-DEFINED";
  const native: Record<string, string> = { Uuid: "uuid", Inet: "inet", SmallInt: "smallint", Timestamptz: "timestamp with time zone", Text: "text" };
  if (f.native) return native[f.native] ?? f.native.toLowerCase();
  const base: Record<string, string> = { String: "text", Int: "integer", BigInt: "bigint", Boolean: "boolean", DateTime: "timestamp without time zone", Json: "jsonb", Bytes: "bytea", Float: "double precision", Decimal: "numeric" };
  return base[f.type];
}
