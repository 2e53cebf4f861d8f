import type { QueryNode } from "@/lib/search/query/ast";
import { parseQuery } from "@/lib/search/query/parse";

/** Values that the parser reads back verbatim after `field:` without quotes. */
const BARE_SAFE = /^[A-Za-z0-9_.@$/-]+$/;
const KEYWORDS = new Set(["AND", "OR", "NOT"]);

/** A value as query text: bare when that reads back exactly, else a quoted phrase (no wildcard). */
export function quoteValue(value: string): string {
  // A leading "/" could read as a /regex/.
  if (BARE_SAFE.test(value) && !KEYWORDS.has(value) && !value.startsWith("/")) return value;
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The clause for "filter for / filter out this value". A null value means the
 * field is empty: including it is `-_exists_:f`, excluding it `_exists_:f`.
 */
export function filterClause(field: string, value: string | null, exclude: boolean): string {
  if (value === null) return exclude ? `_exists_:${field}` : `-_exists_:${field}`;
  return `${exclude ? "-" : ""}${field}:${quoteValue(value)}`;
}

function parseOrNull(q: string): QueryNode | null {
  try {
    return parseQuery(q);
  } catch {
    return null;
  }
}

/** Splits a query into its top-level AND-ed clauses as text, or null when it is not a plain conjunction. */
function topLevelClauses(q: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (quoted) continue;
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (/\s/.test(c) && depth === 0) {
      if (i > start) out.push(q.slice(start, i));
      start = i + 1;
    }
  }
  if (start < q.length) out.push(q.slice(start));
  if (out.some((c) => c === "OR" || c === "NOT")) return null;
  return out.filter((c) => c !== "AND");
}

/**
 * Adds a filter to a query, keeping what the user typed: ANDs it on (wrapping a
 * top-level OR in parentheses), drops the opposite clause if present, and does
 * nothing when the same clause is already there.
 */
export function addFilter(q: string, field: string, value: string | null, exclude: boolean): string {
  const clause = filterClause(field, value, exclude);
  const opposite = filterClause(field, value, !exclude);
  const trimmed = q.trim();
  if (!trimmed) return clause;
  const clauses = topLevelClauses(trimmed);
  if (clauses) {
    if (clauses.includes(clause)) return trimmed;
    const kept = clauses.filter((c) => c !== opposite);
    return [...kept, clause].join(" ");
  }
  const ast = parseOrNull(trimmed);
  const base = ast?.type === "or" ? `(${trimmed})` : trimmed;
  return `${base} ${clause}`;
}

/** True when the query already has this exact clause as a word of its own (not "-clause"). */
export function hasClause(q: string, clause: string): boolean {
  return ` ${q} `.replace(/[()]/g, " ").includes(` ${clause} `);
}
