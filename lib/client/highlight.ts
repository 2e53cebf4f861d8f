import type { QueryNode } from "@/lib/search/query/ast";
import { resolveField } from "@/lib/search/query/fields";
import { parseQuery } from "@/lib/search/query/parse";
import { compileRegex } from "@/lib/search/query/regex";

/**
 * What to highlight for a query: `any` (bare words and phrases, which search the
 * message and the key fields) and `fields` (values of field terms, keyed by the
 * StoredEvent property they match, e.g. "objectName"). Negated terms are not
 * highlighted: they are, by definition, not in the results.
 */
export type HighlightTerms = { any: string[]; fields: Record<string, HighlightTerm[]> };

/** A literal (matched case-insensitively) or a field's regular expression (its own flags). */
export type HighlightTerm = string | RegExp;

export const NO_HIGHLIGHT: HighlightTerms = { any: [], fields: {} };

/** Wildcards highlight the literal parts around the `*`. */
function literalParts(value: string, wildcard: boolean): string[] {
  const parts = wildcard ? value.split("*") : [value];
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function collect(node: QueryNode, out: { any: Set<string>; fields: Map<string, Set<HighlightTerm>> }) {
  switch (node.type) {
    case "and":
    case "or":
      node.children.forEach((c) => collect(c, out));
      return;
    case "term": {
      const parts = literalParts(node.value, node.wildcard);
      if (node.field === null) {
        parts.forEach((p) => out.any.add(p.toLowerCase()));
        return;
      }
      const f = resolveField(node.field);
      if (f?.kind !== "column") return;
      const prop = f.def.prop;
      const set = out.fields.get(prop) ?? new Set<HighlightTerm>();
      parts.forEach((p) => set.add(p.toLowerCase()));
      out.fields.set(prop, set);
      return;
    }
    case "regex": {
      const f = resolveField(node.field);
      if (f?.kind !== "column") return;
      const set = out.fields.get(f.def.prop) ?? new Set<HighlightTerm>();
      // The parser validated the pattern: same subset, same engine as the rule matcher.
      set.add(compileRegex(node.pattern, node.flags));
      out.fields.set(f.def.prop, set);
      return;
    }
    default:
      return;
  }
}

export function highlightTerms(q: string): HighlightTerms {
  let ast: QueryNode;
  try {
    ast = parseQuery(q);
  } catch {
    return NO_HIGHLIGHT;
  }
  const out = { any: new Set<string>(), fields: new Map<string, Set<HighlightTerm>>() };
  collect(ast, out);
  return { any: [...out.any], fields: Object.fromEntries([...out.fields].map(([k, v]) => [k, [...v]])) };
}

/** Terms that apply to one cell: the bare words, plus field terms for that property. */
export function termsFor(terms: HighlightTerms, prop: string): HighlightTerm[] {
  const own = terms.fields[prop];
  return own ? [...terms.any, ...own] : terms.any;
}

export type Segment = { text: string; match: boolean };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Longest text a regular expression is run on for highlighting (cells show far less). */
const MAX_REGEX_TEXT = 64 * 1024;

/**
 * Splits text into matching and non-matching runs: literals case-insensitively
 * (longest first), regular expressions with their own flags; overlapping
 * matches merge into one run.
 */
export function splitHighlights(text: string, terms: readonly HighlightTerm[]): Segment[] {
  const literals = [...new Set(terms.filter((t): t is string => typeof t === "string" && t.length > 0))].sort((a, b) => b.length - a.length);
  const patterns = terms.filter((t): t is RegExp => t instanceof RegExp);
  if (!text || (literals.length === 0 && patterns.length === 0)) return [{ text, match: false }];
  const ranges: [number, number][] = [];
  const add = (re: RegExp, on: string) => {
    for (const m of on.matchAll(re)) if (m[0].length > 0) ranges.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  };
  if (literals.length > 0) add(new RegExp(literals.map(escapeRe).join("|"), "gi"), text);
  for (const p of patterns) add(new RegExp(p.source, p.flags.includes("g") ? p.flags : `${p.flags}g`), text.slice(0, MAX_REGEX_TEXT));
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Segment[] = [];
  let last = 0;
  for (const [from, to] of ranges) {
    if (to <= last) continue;
    const start = Math.max(from, last);
    if (start > last) out.push({ text: text.slice(last, start), match: false });
    const prev = out.at(-1);
    if (prev?.match && start === last) prev.text += text.slice(start, to);
    else out.push({ text: text.slice(start, to), match: true });
    last = to;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}
