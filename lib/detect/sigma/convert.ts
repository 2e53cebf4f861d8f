/**
 * A Sigma `detection` block → a query in Crowsnest's search language.
 * Supported: field/value maps (AND), lists (OR), keywords, null, the
 * modifiers contains, startswith, endswith, re (with i), all, cidr, exists,
 * cased, gt/gte/lt/lte, and conditions with and/or/not, parentheses,
 * `1 of x*`, `all of x*`, `1 of them`, `all of them`. Anything else throws
 * SigmaUnsupported naming the part. Client-safe.
 */
import { compileRegex } from "@/lib/search/query/regex";
import { resolveField } from "@/lib/search/query/fields";
import { LOWERCASE_FIELDS, mapField, SigmaUnsupported, type Logsource } from "./fields";

const MODIFIERS = new Set(["contains", "startswith", "endswith", "re", "all", "cidr", "exists", "cased", "i", "gt", "gte", "lt", "lte"]);

type Piece = { kind: "lit"; text: string } | { kind: "any" } | { kind: "one" };

/** Sigma wildcards: `*` any run, `?` one character; `\*`, `\?` and `\\` are literals. */
function pieces(value: string): Piece[] {
  const out: Piece[] = [];
  let lit = "";
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "\\" && (value[i + 1] === "*" || value[i + 1] === "?" || value[i + 1] === "\\")) {
      lit += value[++i];
    } else if (c === "*" || c === "?") {
      if (lit) out.push({ kind: "lit", text: lit });
      lit = "";
      out.push({ kind: c === "*" ? "any" : "one" });
    } else lit += c;
  }
  if (lit) out.push({ kind: "lit", text: lit });
  return out;
}

/** A literal as a regex body our query language accepts (no raw whitespace or slashes). */
export function regexLiteral(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, (c) => "\\" + c).replace(/[\s]/g, (c) => (c === "\t" ? "\\t" : c === "\n" ? "\\n" : c === "\r" ? "\\r" : "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0")));
}

function quote(s: string): string {
  return `"${s.replace(/["\\]/g, (c) => "\\" + c)}"`;
}

function scalar(v: unknown, where: string): string | number | boolean | null {
  if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  throw new SigmaUnsupported(`${where}: value ${JSON.stringify(v)} is neither a string, a number, a boolean nor null`);
}

/** One field, one value, with modifiers → a query term. */
function term(field: string, raw: string | number | boolean | null, mods: string[], where: string): string {
  if (raw === null) return `-_exists_:${field}`;
  const f = resolveField(field);
  const isNumberCol = f?.kind === "column" && f.def.kind === "number";
  const isInet = f?.kind === "column" && f.def.kind === "inet";
  for (const op of ["gt", "gte", "lt", "lte"] as const) {
    if (!mods.includes(op)) continue;
    if (typeof raw !== "number" && !/^-?\d+(\.\d+)?$/.test(String(raw))) throw new SigmaUnsupported(`${where}: |${op} needs a number`);
    return `${field}${{ gt: ">", gte: ">=", lt: "<", lte: "<=" }[op]}${raw}`;
  }
  if (mods.includes("cidr")) {
    if (!isInet) throw new SigmaUnsupported(`${where}: |cidr is supported on client addresses (sourceIPs / source_ip) only`);
    return `${field}:${String(raw)}`;
  }
  if (mods.includes("re")) {
    const flags = mods.includes("i") ? "i" : "";
    const pattern = String(raw).replace(/\//g, "\\/");
    try {
      compileRegex(pattern, flags);
    } catch (err) {
      throw new SigmaUnsupported(`${where}: regular expression not supported: ${(err as Error).message}`);
    }
    if (/\s/.test(pattern)) throw new SigmaUnsupported(`${where}: regular expression with a literal space (write \\s or \\x20)`);
    return `${field}:/${pattern}/${flags}`;
  }
  if (typeof raw === "number" || typeof raw === "boolean") {
    if (mods.some((m) => ["contains", "startswith", "endswith"].includes(m))) return `${field}:/${regexLiteral(String(raw))}/`;
    return `${field}:${raw}`;
  }
  if (isNumberCol && /^-?\d+$/.test(raw) && !mods.length) return `${field}:${raw}`;
  const cased = mods.includes("cased");
  let ps = pieces(raw);
  if (mods.includes("contains")) ps = [{ kind: "any" }, ...ps, { kind: "any" }];
  if (mods.includes("startswith")) ps = [...ps, { kind: "any" }];
  if (mods.includes("endswith")) ps = [{ kind: "any" }, ...ps];
  const wild = ps.some((p) => p.kind !== "lit");
  // A lone `*` means "has a value" (SigmaHQ's note: "add exists when it is implemented").
  if (ps.length > 0 && ps.every((p) => p.kind === "any")) return `_exists_:${field}`;
  const text = ps.map((p) => (p.kind === "lit" ? p.text : "")).join("");
  // Sigma compares case-insensitively. Fields Kubernetes writes in lower case compare exactly after lower-casing.
  if (!wild && (cased || LOWERCASE_FIELDS.has(field) || text.toLowerCase() === text.toUpperCase())) {
    return `${field}:${quote(cased ? text : LOWERCASE_FIELDS.has(field) ? text.toLowerCase() : text)}`;
  }
  const body = ps.map((p) => (p.kind === "lit" ? regexLiteral(p.text) : p.kind === "any" ? ".*" : ".")).join("");
  const anchored = (ps[0]?.kind === "any" ? "" : "^") + body.replace(/^\.\*/, "").replace(/\.\*$/, "") + (ps[ps.length - 1]?.kind === "any" ? "" : "$");
  return `${field}:/${anchored || ".*"}/${cased ? "" : "i"}`;
}

function group(parts: string[], op: "AND" | "OR"): string {
  if (parts.length === 0) throw new SigmaUnsupported("an empty list of values");
  return parts.length === 1 ? parts[0] : `(${parts.join(` ${op} `)})`;
}

/** `field|mod|mod: value(s)` → query. */
function fieldCondition(key: string, value: unknown, ls: Logsource, where: string): string {
  const [name, ...mods] = key.split("|");
  for (const m of mods) if (!MODIFIERS.has(m)) throw new SigmaUnsupported(`${where}: modifier '${m}' is not supported`);
  if (mods.includes("i") && !mods.includes("re")) throw new SigmaUnsupported(`${where}: modifier 'i' is only supported after 're'`);
  const values = (Array.isArray(value) ? value : [value]).map((v) => scalar(v, where));
  if (values.length === 0) throw new SigmaUnsupported(`${where}: an empty list of values`);
  if (!name) return group(values.map((v) => keyword(v, mods, where)), mods.includes("all") ? "AND" : "OR");
  if (mods.includes("exists")) {
    const fields = mapField(name, ls, false);
    const yes = values[0] === true || values[0] === "true";
    const any = group(fields.map((f) => `_exists_:${f}`), "OR");
    return yes ? any : `NOT ${any}`;
  }
  const numeric = values.every((v) => typeof v === "number" || (typeof v === "string" && /^\d+$/.test(v)));
  const fields = mapField(name, ls, numeric);
  const perValue = values.map((v) => group(fields.map((f) => term(f, v, mods, where)), "OR"));
  return group(perValue, mods.includes("all") ? "AND" : "OR");
}

/** A keyword (a value without a field) is a substring of the event's message, case-insensitively. */
function keyword(v: string | number | boolean | null, mods: string[], where: string): string {
  if (v === null) throw new SigmaUnsupported(`${where}: a null keyword`);
  const own = mods.filter((m) => m !== "all");
  const placed = own.some((m) => m === "startswith" || m === "endswith" || m === "re");
  return term("message", String(v), placed ? own : [...own, "contains"], where);
}

/** One search identifier → query. */
function searchIdentifier(name: string, value: unknown, ls: Logsource, warnings: string[]): string {
  const where = `detection.${name}`;
  if (value === null || typeof value !== "object") {
    warnings.push(`${where}: keywords search the event message (Crowsnest's one-line summary), not the raw record`);
    return keyword(scalar(value, where), [], where);
  }
  if (Array.isArray(value)) {
    if (value.every((v) => v !== null && typeof v === "object" && !Array.isArray(v))) {
      return group(value.map((m, i) => mapCondition(m as Record<string, unknown>, ls, `${where}[${i}]`)), "OR");
    }
    if (value.every((v) => v === null || typeof v !== "object")) {
      warnings.push(`${where}: keywords search the event message (Crowsnest's one-line summary), not the raw record`);
      return group(value.map((v) => keyword(scalar(v, where), [], where)), "OR");
    }
    throw new SigmaUnsupported(`${where}: a list mixing maps and keywords`);
  }
  return mapCondition(value as Record<string, unknown>, ls, where);
}

function mapCondition(m: Record<string, unknown>, ls: Logsource, where: string): string {
  const entries = Object.entries(m);
  if (entries.length === 0) throw new SigmaUnsupported(`${where}: an empty map`);
  return group(entries.map(([k, v]) => fieldCondition(k, v, ls, `${where}.${k}`)), "AND");
}

// ---------------------------------------------------------------- conditions

type Token = { t: "(" | ")" | "and" | "or" | "not" | "of" | "them" | "all" | "one" | "id"; v?: string };

function tokenize(cond: string): Token[] {
  if (cond.includes("|")) throw new SigmaUnsupported(`condition '${cond}': aggregations (| count() …) are not supported; use a threshold rule`);
  const out: Token[] = [];
  const re = /\s*(\(|\)|[A-Za-z0-9_*.-]+)/gy;
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = re.exec(cond))) {
    pos = re.lastIndex;
    const w = m[1];
    const lw = w.toLowerCase();
    if (w === "(" || w === ")") out.push({ t: w });
    else if (lw === "and" || lw === "or" || lw === "not" || lw === "of" || lw === "them" || lw === "all") out.push({ t: lw });
    else if (w === "1" || lw === "any") out.push({ t: "one" });
    else out.push({ t: "id", v: w });
  }
  if (cond.slice(pos).trim()) throw new SigmaUnsupported(`condition '${cond}': cannot read '${cond.slice(pos).trim()}'`);
  return out;
}

/** Parses a condition into a query over the converted search identifiers. */
export function convertCondition(cond: string, ids: Map<string, string>): string {
  const toks = tokenize(cond);
  let i = 0;
  const peek = () => toks[i]?.t;
  const expect = (t: Token["t"]) => {
    if (toks[i]?.t !== t) throw new SigmaUnsupported(`condition '${cond}': expected '${t}'`);
    i++;
  };
  const names = (pattern: string): string[] => {
    if (pattern === "them") return [...ids.keys()].filter((k) => !k.startsWith("_"));
    const re = new RegExp("^" + pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*") + "$");
    const found = [...ids.keys()].filter((k) => re.test(k));
    if (!found.length) throw new SigmaUnsupported(`condition '${cond}': no search identifier matches '${pattern}'`);
    return found;
  };
  const primary = (): string => {
    const t = toks[i];
    if (!t) throw new SigmaUnsupported(`condition '${cond}': ends too early`);
    if (t.t === "(") {
      i++;
      const e = or();
      expect(")");
      return `(${e})`;
    }
    if (t.t === "one" || t.t === "all") {
      i++;
      expect("of");
      const target = toks[i];
      if (!target || (target.t !== "them" && target.t !== "id")) throw new SigmaUnsupported(`condition '${cond}': expected an identifier after 'of'`);
      i++;
      const qs = names(target.t === "them" ? "them" : target.v!).map((n) => ids.get(n)!);
      return qs.length === 1 ? qs[0] : `(${qs.join(t.t === "one" ? " OR " : " AND ")})`;
    }
    if (t.t === "id") {
      i++;
      const q = ids.get(t.v!);
      if (q === undefined) throw new SigmaUnsupported(`condition '${cond}': unknown search identifier '${t.v}'`);
      return q;
    }
    throw new SigmaUnsupported(`condition '${cond}': unexpected '${t.v ?? t.t}'`);
  };
  const not = (): string => {
    if (peek() === "not") {
      i++;
      return `NOT ${not()}`;
    }
    return primary();
  };
  const and = (): string => {
    const parts = [not()];
    while (peek() === "and") {
      i++;
      parts.push(not());
    }
    return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`;
  };
  const or = (): string => {
    const parts = [and()];
    while (peek() === "or") {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
  };
  const q = or();
  if (i < toks.length) throw new SigmaUnsupported(`condition '${cond}': unexpected '${toks[i].v ?? toks[i].t}'`);
  return q;
}

/** The whole detection block → query (without the logsource filter), plus approximations worth telling. */
export function convertDetection(detection: unknown, ls: Logsource): { query: string; warnings: string[] } {
  if (!detection || typeof detection !== "object" || Array.isArray(detection)) throw new SigmaUnsupported("detection is missing or not a map");
  const { condition, timeframe, ...rest } = detection as Record<string, unknown>;
  if (timeframe !== undefined) throw new SigmaUnsupported("detection.timeframe (an aggregation window) is not supported; use a threshold rule");
  const warnings: string[] = [];
  const ids = new Map<string, string>();
  for (const [name, value] of Object.entries(rest)) ids.set(name, searchIdentifier(name, value, ls, warnings));
  const conds = Array.isArray(condition) ? condition : [condition];
  if (conds.length === 0 || conds.some((c) => typeof c !== "string" || !c.trim())) throw new SigmaUnsupported("detection.condition is missing");
  const parts = (conds as string[]).map((c) => convertCondition(c, ids));
  return { query: parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`, warnings: [...new Set(warnings)] };
}
