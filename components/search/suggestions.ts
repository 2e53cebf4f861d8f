import { LAYERS, SEVERITIES } from "@/lib/events/types";
import { FIELD_ALIASES, FIELDS } from "@/lib/search/query/fields";

/** Autocomplete for the search box: field names while typing a word, known values after `field:`. */
export type Suggestion = { label: string; insert: string; description: string };
export type SuggestionResult = { start: number; end: number; items: Suggestion[] };

const MAX = 8;
const KNOWN_VALUES: Record<string, readonly string[]> = {
  layer: LAYERS,
  severity: SEVERITIES,
  actor_type: ["user", "serviceaccount", "node", "anonymous", "system"],
  flags: ["audit-id-reused", "enriched-from-container-id"],
  verb: ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"],
};

function fieldItems(prefix: string): Suggestion[] {
  const p = prefix.toLowerCase();
  const canonical = Object.entries(FIELDS)
    .filter(([name]) => name.toLowerCase().startsWith(p))
    .map(([name, def]) => ({ label: `${name}:`, insert: `${name}:`, description: def.description }));
  const aliases = Object.entries(FIELD_ALIASES)
    .filter(([alias]) => alias.toLowerCase().startsWith(p) && !FIELDS[alias])
    .map(([alias, target]) => ({ label: `${alias}:`, insert: `${alias}:`, description: `alias of ${target}` }));
  const extra = [
    { label: "_exists_:", insert: "_exists_:", description: "the field has a value" },
    { label: "attributes.", insert: "attributes.", description: "any path in the original record" },
  ].filter((s) => s.label.startsWith(p));
  return [...canonical, ...aliases, ...extra];
}

/** Suggestions for the word under the cursor, or none. Pure, so it is unit-tested. */
export function suggest(text: string, cursor: number): SuggestionResult {
  let start = cursor;
  while (start > 0 && !/[\s()]/.test(text[start - 1])) start--;
  let end = cursor;
  while (end < text.length && !/[\s()]/.test(text[end])) end++;
  if (text[start] === "-") start++;
  const word = text.slice(start, cursor);
  const none = { start, end, items: [] };
  if (word.length === 0 || word.includes('"')) return none;

  const colon = word.indexOf(":");
  if (colon < 0) {
    if (/^(AND|OR|NOT)$/.test(word)) return none;
    const items = fieldItems(word).filter((s) => s.insert !== word);
    return { start, end, items: items.slice(0, MAX) };
  }
  const field = word.slice(0, colon);
  const prefix = word.slice(colon + 1).toLowerCase();
  if (field === "_exists_") {
    const items = fieldItems(prefix).filter((s) => !s.label.startsWith("_exists_")).map((s) => ({ ...s, label: s.label.replace(/:$/, ""), insert: `_exists_:${s.insert.replace(/:$/, "")} ` }));
    return { start, end, items: items.slice(0, MAX) };
  }
  const canonical = FIELD_ALIASES[field] ?? field;
  const values = KNOWN_VALUES[canonical] ?? [];
  const items = values
    .filter((v) => v.startsWith(prefix) && v !== prefix)
    .map((v) => ({ label: v, insert: `${field}:${v} `, description: canonical }));
  return { start, end, items: items.slice(0, MAX) };
}

/** The text after accepting a suggestion, and where the cursor goes. */
export function applySuggestion(text: string, r: SuggestionResult, s: Suggestion): { text: string; cursor: number } {
  const next = text.slice(0, r.start) + s.insert + text.slice(r.end);
  return { text: next, cursor: r.start + s.insert.length };
}
