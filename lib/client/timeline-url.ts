import type { ContextRequest, EventSearch } from "./events";
import { CONTEXT_SCOPES, type ContextScope, type StackBy } from "./search-types";
import { DEFAULT_FROM, DEFAULT_TO, isRelative, resolveTime } from "./time";

/**
 * The whole timeline screen as URL parameters, so a copied address reopens the
 * same screen: q, from, to, columns, stack, event (drawer), context + scope +
 * lines + window (surrounding view), live=1, facets=0 (panel closed).
 * Defaults are left out of the URL to keep links short.
 */
export type TimelineState = {
  search: EventSearch;
  columns: string[] | null;
  stack: StackBy;
  eventId: string | null;
  context: ContextRequest | null;
  live: boolean;
  facetsOpen: boolean;
};

export const CONTEXT_LINES = [10, 20, 50, 100] as const;
export const CONTEXT_WINDOWS = ["1m", "5m", "15m", "1h"] as const;
export const DEFAULT_CONTEXT_LINES = 20;
export const DEFAULT_CONTEXT_WINDOW = "5m";
export const DEFAULT_CONTEXT_SCOPE: ContextScope = "pod";

const ID = /^\d{1,19}$/;
const WINDOW = /^\d{1,4}[smh]$/;
const COLUMN = /^[a-z_]{1,32}$/;

function parseContext(sp: URLSearchParams): ContextRequest | null {
  const id = sp.get("context");
  if (!id || !ID.test(id)) return null;
  const scope = sp.get("scope") as ContextScope | null;
  const lines = Number(sp.get("lines"));
  const window = sp.get("window") ?? "";
  return {
    id,
    scope: scope && CONTEXT_SCOPES.includes(scope) ? scope : DEFAULT_CONTEXT_SCOPE,
    lines: Number.isInteger(lines) && lines > 0 && lines <= 500 ? lines : DEFAULT_CONTEXT_LINES,
    window: WINDOW.test(window) ? window : DEFAULT_CONTEXT_WINDOW,
  };
}

export function parseTimelineState(sp: URLSearchParams): TimelineState {
  const columns = sp.get("columns");
  const cols = columns ? columns.split(",").filter((c) => COLUMN.test(c)) : [];
  return {
    search: { q: sp.get("q") ?? "", from: sp.get("from") || DEFAULT_FROM, to: sp.get("to") || DEFAULT_TO },
    columns: cols.length > 0 ? cols : null,
    stack: sp.get("stack") === "severity" ? "severity" : "layer",
    eventId: sp.get("event") || null,
    context: parseContext(sp),
    live: sp.get("live") === "1",
    facetsOpen: sp.get("facets") !== "0",
  };
}

/** A partial change of the screen; null clears a parameter back to its default. */
export type TimelinePatch = Partial<{
  q: string | null;
  from: string | null;
  to: string | null;
  columns: string[] | null;
  stack: StackBy | null;
  event: string | null;
  context: ContextRequest | null;
  live: boolean;
  facetsOpen: boolean;
}>;

function put(sp: URLSearchParams, key: string, value: string | null | undefined) {
  if (value === null || value === undefined || value === "") sp.delete(key);
  else sp.set(key, value);
}

export function applyTimelinePatch(current: URLSearchParams, patch: TimelinePatch): URLSearchParams {
  const sp = new URLSearchParams(current.toString());
  if ("q" in patch) put(sp, "q", patch.q);
  if ("from" in patch) put(sp, "from", patch.from === DEFAULT_FROM ? null : patch.from);
  if ("to" in patch) put(sp, "to", patch.to === DEFAULT_TO ? null : patch.to);
  if ("columns" in patch) put(sp, "columns", patch.columns?.join(",") ?? null);
  if ("stack" in patch) put(sp, "stack", patch.stack === "severity" ? "severity" : null);
  if ("event" in patch) put(sp, "event", patch.event);
  if ("context" in patch) {
    const c = patch.context;
    put(sp, "context", c?.id ?? null);
    put(sp, "scope", c ? c.scope : null);
    put(sp, "lines", c && c.lines !== DEFAULT_CONTEXT_LINES ? String(c.lines) : null);
    put(sp, "window", c && c.window !== DEFAULT_CONTEXT_WINDOW ? c.window : null);
  }
  if ("live" in patch) put(sp, "live", patch.live ? "1" : null);
  if ("facetsOpen" in patch) put(sp, "facets", patch.facetsOpen ? null : "0");
  return sp;
}

/**
 * The same screen with the time window frozen: relative from/to become ISO
 * instants (the ones the server resolved, when known) and live tail is off.
 */
export function absoluteParams(current: URLSearchParams, resolved?: { from: string; to: string } | null, now = Date.now()): URLSearchParams {
  const state = parseTimelineState(current);
  const freeze = (expr: string, server: string | undefined) =>
    !isRelative(expr) ? expr : (server ?? resolveTime(expr, now)?.toISOString() ?? expr);
  const f = freeze(state.search.from, resolved?.from);
  const t = freeze(state.search.to, resolved?.to);
  const sp = applyTimelinePatch(current, { live: false });
  sp.set("from", f);
  sp.set("to", t);
  return sp;
}

export function urlWith(pathname: string, sp: URLSearchParams): string {
  const s = sp.toString();
  return s ? `${pathname}?${s}` : pathname;
}
