import type { QueryNode } from "./ast";
import { resolveField, type ResolvedField } from "./fields";
import { parseTime } from "../time";
import { compileRegex, regexTest } from "./regex";
import { containsWords, indexedText, queryWords, textWords } from "./words";

/** What the matcher reads: a normalized or stored event (field names as in NormalizedEvent). */
export type MatchableEvent = Record<string, unknown> & { attributes?: unknown; message?: unknown };

export type Matcher = (e: MatchableEvent) => boolean;

/**
 * Compiles a query into an in-memory predicate with the same meaning as
 * compileWhere's SQL, so detection rules run on each ingested batch without a
 * query per event.
 */
export function compileMatcher(node: QueryNode): Matcher {
  switch (node.type) {
    case "all":
      return () => true;
    case "and": {
      const parts = node.children.map(compileMatcher);
      return (e) => parts.every((p) => p(e));
    }
    case "or": {
      const parts = node.children.map(compileMatcher);
      return (e) => parts.some((p) => p(e));
    }
    case "not": {
      const inner = compileMatcher(node.child);
      return (e) => !inner(e);
    }
    case "exists": {
      const get = getter(node.field);
      if (resolveField(node.field)?.kind === "attribute") return (e) => (get(e) as unknown[]).some((x) => x !== null && x !== undefined);
      return (e) => {
        const v = get(e);
        return v !== null && v !== undefined;
      };
    }
    case "regex":
      return regexMatcher(node.field, node.pattern, node.flags);
    case "cmp": {
      const get = getter(node.field);
      const f = resolveField(node.field);
      const isTime = f?.kind === "column" && f.def.kind === "time";
      const target = isTime ? parseTime(node.value)?.getTime() ?? NaN : Number(node.value);
      const cmp = { ">": (a: number) => a > target, ">=": (a: number) => a >= target, "<": (a: number) => a < target, "<=": (a: number) => a <= target }[node.op];
      const one = (v: unknown) => {
        const n = v instanceof Date ? v.getTime() : typeof v === "number" ? v : typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : typeof v === "string" && isTime ? Date.parse(v) : NaN;
        return !Number.isNaN(n) && cmp(n);
      };
      if (f?.kind === "attribute") return (e) => (get(e) as unknown[]).some(one);
      return (e) => one(get(e));
    }
    case "term":
      if (node.field === null) return fullText(node.value, node.quoted, node.wildcard);
      return fieldTerm(node.field, node.value, node.wildcard);
  }
}

/**
 * Reads a field. Columns give their value; attribute paths give every value
 * the path reaches — arrays on the way are searched element by element, `*`
 * takes every member of an object, and an array at the end is flattened one
 * level — which is what PostgreSQL's lax jsonpath `$.a.b[*]` returns (compile-sql.ts).
 */
function getter(name: string): (e: MatchableEvent) => unknown {
  const f = resolveField(name) as ResolvedField;
  if (f.kind === "column") {
    const prop = f.def.prop;
    return (e) => e[prop];
  }
  return (e) => attributeValues(e.attributes, f.path);
}

export function attributeValues(root: unknown, path: string[]): unknown[] {
  let cur: unknown[] = [root];
  for (const k of path) {
    const next: unknown[] = [];
    const visit = (v: unknown) => {
      if (v === null || typeof v !== "object") return;
      if (Array.isArray(v)) {
        for (const x of v) if (x !== null && typeof x === "object" && !Array.isArray(x)) visit(x);
        return;
      }
      if (k === "*") next.push(...Object.values(v as Record<string, unknown>));
      else if (Object.hasOwn(v, k)) next.push((v as Record<string, unknown>)[k]);
    };
    cur.forEach(visit);
    cur = next;
    if (cur.length === 0) return cur;
  }
  return cur.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** A scalar as SQL's `#>> '{}'` prints it; objects, arrays and null have no text to match. */
function scalarText(v: unknown): string | null {
  if (v === null || v === undefined || typeof v === "object") return v instanceof Date ? v.toISOString() : null;
  return String(v);
}

function regexMatcher(name: string, pattern: string, flags: string): Matcher {
  const re = compileRegex(pattern, flags);
  const get = getter(name);
  const f = resolveField(name) as ResolvedField;
  const test = (v: unknown) => {
    const t = scalarText(v);
    return t !== null && regexTest(re, t);
  };
  if (f.kind === "attribute" || f.def.kind === "array") return (e) => ((get(e) as unknown[] | null) ?? []).some(test);
  return (e) => test(get(e));
}

function wildcardRegex(value: string): RegExp {
  const body = value.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*");
  return new RegExp(`^${body}$`);
}

function fieldTerm(name: string, value: string, wildcard: boolean): Matcher {
  const get = getter(name);
  const f = resolveField(name) as ResolvedField;
  const kind = f.kind === "column" ? f.def.kind : "attribute";
  if (kind === "text") {
    const needle = value.replace(/\*/g, "").toLowerCase();
    return (e) => String(get(e) ?? "").toLowerCase().includes(needle);
  }
  if (kind === "number") return (e) => get(e) != null && Number(get(e)) === Number(value);
  if (kind === "inet") return (e) => inetContains(value, get(e));
  if (kind === "attribute") {
    const re = wildcard ? wildcardRegex(value) : null;
    return (e) =>
      (get(e) as unknown[]).some((v) => {
        const t = scalarText(v);
        return t !== null && (re ? re.test(t) : t === value);
      });
  }
  if (wildcard) {
    const re = wildcardRegex(value);
    return (e) => {
      const v = get(e);
      return v != null && typeof v !== "object" && re.test(String(v));
    };
  }
  return (e) => {
    const v = get(e);
    if (Array.isArray(v)) return v.some((x) => x === value);
    if (v === null || v === undefined || typeof v === "object") return false;
    return String(v) === value;
  };
}

function fullText(value: string, quoted: boolean, wildcard: boolean): Matcher {
  const want = queryWords(value, wildcard && !quoted);
  return (e) => containsWords(textWords(indexedText(e)), want);
}

function inetContains(range: string, value: unknown): boolean {
  if (typeof value !== "string") return false;
  const [net, bitsRaw] = range.split("/");
  if (!net.includes(".") || !value.includes(".")) return value === net;
  const toInt = (ip: string) => ip.split(".").reduce((a, o) => (a << 8) + Number(o), 0) >>> 0;
  const bits = bitsRaw === undefined ? 32 : Number(bitsRaw);
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (toInt(net) & mask) === (toInt(value) & mask);
}
