import type { QueryNode } from "./ast";
import { resolveField, type ResolvedField } from "./fields";
import { parseTime } from "../time";

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
      return (e) => {
        const v = get(e);
        return v !== null && v !== undefined;
      };
    }
    case "cmp": {
      const get = getter(node.field);
      const f = resolveField(node.field);
      const isTime = f?.kind === "column" && f.def.kind === "time";
      const target = isTime ? parseTime(node.value)?.getTime() ?? NaN : Number(node.value);
      const cmp = { ">": (a: number) => a > target, ">=": (a: number) => a >= target, "<": (a: number) => a < target, "<=": (a: number) => a <= target }[node.op];
      return (e) => {
        const v = get(e);
        const n = v instanceof Date ? v.getTime() : typeof v === "number" ? v : typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : typeof v === "string" && isTime ? Date.parse(v) : NaN;
        return !Number.isNaN(n) && cmp(n);
      };
    }
    case "term":
      if (node.field === null) return fullText(node.value, node.quoted, node.wildcard);
      return fieldTerm(node.field, node.value, node.wildcard);
  }
}

function getter(name: string): (e: MatchableEvent) => unknown {
  const f = resolveField(name) as ResolvedField;
  if (f.kind === "column") {
    const prop = f.def.prop;
    return (e) => e[prop];
  }
  const path = f.path;
  return (e) => {
    let cur: unknown = e.attributes;
    for (const k of path) {
      if (cur === null || typeof cur !== "object") return undefined;
      cur = (cur as Record<string, unknown>)[k];
    }
    return cur;
  };
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

const FULLTEXT_PROPS = ["message", "actor", "objectName", "pod", "namespace", "node"] as const;

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
}

function fullText(value: string, quoted: boolean, wildcard: boolean): Matcher {
  const want = words(value);
  const prefix = wildcard && value.trimEnd().endsWith("*");
  return (e) => {
    const text = FULLTEXT_PROPS.map((p) => (typeof e[p] === "string" ? e[p] : "")).join(" ");
    const have = words(text);
    if (quoted) return want.length === 0 || ` ${have.join(" ")} `.includes(` ${want.join(" ")} `);
    const set = new Set(have);
    return want.every((w, i) => (prefix && i === want.length - 1 ? have.some((h) => h.startsWith(w)) : set.has(w)));
  };
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
