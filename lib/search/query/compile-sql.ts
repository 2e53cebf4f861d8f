import { Prisma } from "@/lib/generated/prisma/client";
import { QuerySyntaxError, type QueryNode } from "./ast";
import { resolveField, type ResolvedField } from "./fields";
import { parseTime } from "../time";
import { compileRegex } from "./regex";
import { queryWords, toTsquery } from "./words";

type Sql = Prisma.Sql;

/**
 * Compiles a parsed query to a SQL boolean expression over `events` (alias e).
 * Every value is a bind parameter; column names come only from the allow-list
 * in fields.ts, so no part of the query text is ever spliced into SQL.
 */
export function compileWhere(node: QueryNode): Sql {
  switch (node.type) {
    case "all":
      return Prisma.sql`TRUE`;
    case "and":
      return Prisma.sql`(${Prisma.join(node.children.map(compileWhere), " AND ")})`;
    case "or":
      return Prisma.sql`(${Prisma.join(node.children.map(compileWhere), " OR ")})`;
    case "not":
      // NULL-safe negation: "-namespace:x" also matches events without a namespace.
      return Prisma.sql`(${compileWhere(node.child)}) IS NOT TRUE`;
    case "exists":
      return exists(field(node.field, 0));
    case "regex":
      return regex(field(node.field, node.pos ?? 0), node.pattern, node.flags, node.pos ?? 0);
    case "cmp":
      return compare(field(node.field, node.pos ?? 0), node.op, node.value, node.pos ?? 0);
    case "term":
      return node.field === null ? fullText(node.value, node.quoted, node.wildcard) : fieldTerm(field(node.field, node.pos ?? 0), node.value, node.wildcard, node.pos ?? 0);
  }
}

function field(name: string, pos: number): ResolvedField {
  const f = resolveField(name);
  if (!f) throw new QuerySyntaxError(`unknown field '${name}'`, pos);
  return f;
}

function col(f: Extract<ResolvedField, { kind: "column" }>): Sql {
  return Prisma.raw(`e."${f.def.column}"`);
}

/**
 * Attribute paths run as lax jsonpath (`$."a"."b"[*]`): arrays on the way are
 * searched element by element and a final array is flattened, exactly as the
 * in-memory matcher does. The path text is a bind parameter built only from
 * the characters fields.ts allows, so it cannot carry SQL or jsonpath syntax.
 */
export function jsonPath(path: string[]): string {
  return "lax $" + path.map((k) => (k === "*" ? ".*" : `."${k}"`)).join("") + "[*]";
}

const VALUE_TEXT = Prisma.raw(`(j.val #>> '{}')`);

/** EXISTS over every scalar value an attribute path reaches; `pred` gets that value's text. */
function anyAttributeValue(path: string[], pred: (text: Sql) => Sql): Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM jsonb_path_query(e.attributes, ${jsonPath(path)}::jsonpath) AS j(val) WHERE jsonb_typeof(j.val) NOT IN ('object', 'array', 'null') AND ${pred(VALUE_TEXT)})`;
}

function exists(f: ResolvedField): Sql {
  if (f.kind === "attribute") return Prisma.sql`EXISTS (SELECT 1 FROM jsonb_path_query(e.attributes, ${jsonPath(f.path)}::jsonpath) AS j(val) WHERE jsonb_typeof(j.val) <> 'null')`;
  return Prisma.sql`${col(f)} IS NOT NULL`;
}

function regex(f: ResolvedField, pattern: string, flags: string, pos: number): Sql {
  compileRegex(pattern, flags, pos);
  const op = Prisma.raw(flags === "i" ? "~*" : "~"); // one of two literals
  if (f.kind === "attribute") return anyAttributeValue(f.path, (t) => Prisma.sql`${t} ${op} ${pattern}`);
  const c = col(f);
  switch (f.def.kind) {
    case "array":
      return Prisma.sql`EXISTS (SELECT 1 FROM unnest(${c}) AS x(t) WHERE x.t ${op} ${pattern})`;
    case "number":
    case "inet":
      return Prisma.sql`(${c})::text ${op} ${pattern}`;
    case "time":
      throw new QuerySyntaxError(`'${f.name}' cannot be matched with a regular expression`, pos);
    default:
      return Prisma.sql`${c} ${op} ${pattern}`;
  }
}

export function likePattern(value: string): string {
  return value.replace(/[\\%_]/g, (c) => "\\" + c).replace(/\*/g, "%");
}

function fieldTerm(f: ResolvedField, value: string, wildcard: boolean, pos: number): Sql {
  if (f.kind === "attribute") {
    // Arrays (e.g. user.groups) match when any element does.
    if (wildcard) return anyAttributeValue(f.path, (t) => Prisma.sql`${t} LIKE ${likePattern(value)}`);
    return anyAttributeValue(f.path, (t) => Prisma.sql`${t} = ${value}`);
  }
  const c = col(f);
  switch (f.def.kind) {
    case "number": {
      if (!/^-?\d{1,15}$/.test(value)) throw new QuerySyntaxError(`'${f.name}' takes a number, not '${value}'`, pos, `e.g. ${f.name}:403 or ${f.name}>=400`);
      if (f.name === "code" && (Number(value) < -32768 || Number(value) > 32767)) return Prisma.sql`FALSE`;
      return Prisma.sql`${c} = ${Number(value)}`;
    }
    case "inet": {
      if (!isInetLiteral(value)) throw new QuerySyntaxError(`'${value}' is not an IP address or CIDR range`, pos, "e.g. source_ip:10.0.0.0/8");
      return Prisma.sql`${c} <<= ${value}::inet`;
    }
    case "time": {
      const t = parseTime(value);
      if (!t) throw new QuerySyntaxError(`'${value}' is not a time`, pos, "use ISO-8601 or now-1h");
      return Prisma.sql`${c} = ${t}`;
    }
    case "text":
      // message:foo is a substring match, case-insensitive.
      return Prisma.sql`${c} ILIKE ${"%" + likePattern(value.replace(/\*/g, "")) + "%"}`;
    case "keyword":
      if (wildcard) return Prisma.sql`${c} LIKE ${likePattern(value)}`;
      return Prisma.sql`${c} = ${value}`;
    case "array":
      return Prisma.sql`${c} @> ARRAY[${value}::text]`;
  }
}

function compare(f: ResolvedField, op: string, value: string, pos: number): Sql {
  const sqlOp = Prisma.raw(op); // op is one of four literals checked by the parser
  if (f.kind === "attribute") {
    if (!/^-?\d+(\.\d+)?$/.test(value)) throw new QuerySyntaxError(`comparison needs a number, not '${value}'`, pos);
    return anyAttributeValue(f.path, (t) => Prisma.sql`(CASE WHEN ${t} ~ '^-?[0-9]{1,30}(\\.[0-9]{1,30})?$' THEN ${t}::numeric END) ${sqlOp} ${value}::numeric`);
  }
  const c = col(f);
  if (f.def.kind === "number") {
    if (!/^-?\d{1,15}$/.test(value)) throw new QuerySyntaxError(`'${f.name}' compares with a number, not '${value}'`, pos);
    return Prisma.sql`${c} ${sqlOp} ${Number(value)}`;
  }
  if (f.def.kind === "time") {
    const t = parseTime(value);
    if (!t) throw new QuerySyntaxError(`'${value}' is not a time`, pos, "use ISO-8601 or now-1h");
    return Prisma.sql`${c} ${sqlOp} ${t}`;
  }
  if (f.def.kind === "inet") {
    // Compared as addresses; anything else would make PostgreSQL reject the parameter.
    if (!isInetLiteral(value)) throw new QuerySyntaxError(`'${value}' is not an IP address`, pos, "e.g. source_ip>=10.0.0.0");
    return Prisma.sql`${c} ${sqlOp} ${value}::inet`;
  }
  return Prisma.sql`${c} ${sqlOp} ${value}`;
}

/** Bare words and phrases: the words in order against the `search` column (see words.ts). */
function fullText(value: string, quoted: boolean, wildcard: boolean): Sql {
  const q = toTsquery(queryWords(value, wildcard && !quoted));
  return q === null ? Prisma.sql`TRUE` : Prisma.sql`e.search @@ to_tsquery('simple', ${q})`;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-fA-F:]{2,39}(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/;

export function isInetLiteral(v: string): boolean {
  if (IPV4.test(v)) return true;
  if (!IPV6.test(v) || !v.includes(":")) return false;
  const addr = v.split("/")[0];
  const parts = addr.split("::");
  if (parts.length > 2) return false;
  const groups = parts.flatMap((p) => (p ? p.split(":") : []));
  return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) && (parts.length === 2 ? groups.length < 8 : groups.length === 8);
}
