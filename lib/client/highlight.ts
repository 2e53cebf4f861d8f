import type { QueryNode } from "@/lib/search/query/ast";
import { resolveField } from "@/lib/search/query/fields";
import { parseQuery } from "@/lib/search/query/parse";

/**
 * What to highlight for a query: `any` (bare words and phrases, which search the
 * message and the key fields) and `fields` (values of field terms, keyed by the
 * StoredEvent property they match, e.g. "objectName"). Negated terms are not
 * highlighted: they are, by definition, not in the results.
 */
export type HighlightTerms = { any: string[]; fields: Record<string, string[]> };

export const NO_HIGHLIGHT: HighlightTerms = { any: [], fields: {} };

/** Wildcards highlight the literal parts around the `*`. */
function literalParts(value: string, wildcard: boolean): string[] {
  const parts = wildcard ? value.split("*") : [value];
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function collect(node: QueryNode, out: { any: Set<string>; fields: Map<string, Set<string>> }) {
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
      const set = out.fields.get(prop) ?? new Set<string>();
      parts.forEach((p) => set.add(p.toLowerCase()));
      out.fields.set(prop, set);
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
  const out = { any: new Set<string>(), fields: new Map<string, Set<string>>() };
  collect(ast, out);
  return { any: [...out.any], fields: Object.fromEntries([...out.fields].map(([k, v]) => [k, [...v]])) };
}

/** Terms that apply to one cell: the bare words, plus field terms for that property. */
export function termsFor(terms: HighlightTerms, prop: string): string[] {
  const own = terms.fields[prop];
  return own ? [...terms.any, ...own] : terms.any;
}

export type Segment = { text: string; match: boolean };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Splits text into matching and non-matching runs, case-insensitively; longest terms win. */
export function splitHighlights(text: string, terms: readonly string[]): Segment[] {
  const usable = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (!text || usable.length === 0) return [{ text, match: false }];
  const re = new RegExp(usable.map(escapeRe).join("|"), "gi");
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (m[0].length === 0) continue;
    if (at > last) out.push({ text: text.slice(last, at), match: false });
    out.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), match: false });
  return out;
}
