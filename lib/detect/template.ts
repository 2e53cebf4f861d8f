/**
 * Reading event fields by their query-language names (columns and
 * attributes.* paths), for group keys, titles and suppressions. Client-safe.
 */
import { resolveField } from "@/lib/search/query/fields";
import { attributeValues, type MatchableEvent } from "@/lib/search/query/match";

/** Every value a field has on an event, as text (attribute paths may reach several). */
export function fieldValues(e: MatchableEvent, name: string): string[] {
  const f = resolveField(name);
  if (!f) return [];
  if (f.kind === "column") {
    const v = e[f.def.prop];
    if (v === null || v === undefined) return [];
    if (Array.isArray(v)) return v.map(String);
    return [v instanceof Date ? v.toISOString() : String(v)];
  }
  return attributeValues(e.attributes, f.path)
    .filter((v) => v !== null && v !== undefined && typeof v !== "object")
    .map(String);
}

/** One field's value for a group key or a title: several values joined by commas. */
export function fieldText(e: MatchableEvent, name: string): string | null {
  const vs = fieldValues(e, name);
  return vs.length ? vs.join(",") : null;
}

/** The group key of a hit: the values of the group-by fields, in order. */
export function groupKeyOf(e: MatchableEvent, fields: string[]): string {
  return fields.map((f) => fieldText(e, f) ?? "").join("|");
}

const MAX_TITLE = 300;

/**
 * Renders a title template: `{field}` is the event's value (or `{count}`
 * from extra); a `[ … ]` segment is dropped when a field inside it has no
 * value, so "Falco: {attributes.rule}[ in {namespace}/{pod}]" reads well
 * for container-less alerts. Missing values outside brackets print as "?".
 */
export function renderTitle(template: string, e: MatchableEvent, extra: Record<string, string | number> = {}): string {
  const value = (name: string): string | null => (name in extra ? String(extra[name]) : fieldText(e, name));
  const fill = (part: string, optional: boolean): string | null => {
    let missing = false;
    const out = part.replace(/\{([A-Za-z0-9_.@$/*-]+)\}/g, (_m, name: string) => {
      const v = value(name);
      if (v === null || v === "") missing = true;
      return v ?? "?";
    });
    return optional && missing ? null : out;
  };
  const out = template.replace(/\[([^\][]*)\]/g, (_m, inner: string) => fill(inner, true) ?? "");
  const text = fill(out, false) ?? out;
  return text.length > MAX_TITLE ? text.slice(0, MAX_TITLE - 1) + "…" : text;
}
