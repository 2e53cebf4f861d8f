"use client";

import { useCallback, useSyncExternalStore } from "react";

/** A search the user ran, kept in this browser only (localStorage, per user). */
export type RecentSearch = { q: string; from: string; to: string; at: string };

export const RECENT_LIMIT = 20;
const PREFIX = "crowsnest:recent-searches:";

export function recentKey(userId: string): string {
  return `${PREFIX}${userId}`;
}

function isRecent(v: unknown): v is RecentSearch {
  if (!v || typeof v !== "object") return false;
  const r = v as Record<string, unknown>;
  return typeof r.q === "string" && typeof r.from === "string" && typeof r.to === "string" && typeof r.at === "string";
}

/** Reads the list; anything malformed (another tab's old format, a hand edit) reads as empty. */
export function readRecent(storage: Pick<Storage, "getItem">, userId: string): RecentSearch[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(recentKey(userId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isRecent).slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

/** Newest first; the same query+range moves to the top instead of repeating; at most 20. */
export function pushRecent(list: readonly RecentSearch[], entry: RecentSearch): RecentSearch[] {
  const same = (r: RecentSearch) => r.q === entry.q && r.from === entry.from && r.to === entry.to;
  return [entry, ...list.filter((r) => !same(r))].slice(0, RECENT_LIMIT);
}

export function recordRecent(storage: Pick<Storage, "getItem" | "setItem">, userId: string, entry: Omit<RecentSearch, "at">, now = new Date()): RecentSearch[] {
  const next = pushRecent(readRecent(storage, userId), { ...entry, at: now.toISOString() });
  try {
    storage.setItem(recentKey(userId), JSON.stringify(next));
  } catch {
    // Quota exceeded or storage disabled: recent searches are a convenience, not state.
  }
  return next;
}

// Same-tab writes do not fire "storage" events; notify subscribers ourselves.
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; list: RecentSearch[] }>();

function subscribe(cb: () => void) {
  listeners.add(cb);
  window.addEventListener("storage", cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener("storage", cb);
  };
}

function snapshot(userId: string): RecentSearch[] {
  const raw = window.localStorage.getItem(recentKey(userId));
  const hit = cache.get(userId);
  if (hit && hit.raw === raw) return hit.list;
  const list = readRecent(window.localStorage, userId);
  cache.set(userId, { raw, list });
  return list;
}

const EMPTY: RecentSearch[] = [];

/** The user's recent searches and a function to record one; empty until the user id is known. */
export function useRecentSearches(userId: string | null | undefined) {
  const list = useSyncExternalStore(
    subscribe,
    () => (userId ? snapshot(userId) : EMPTY),
    () => EMPTY,
  );
  const record = useCallback(
    (entry: Omit<RecentSearch, "at">) => {
      if (!userId || !entry.q.trim()) return;
      recordRecent(window.localStorage, userId, entry);
      listeners.forEach((l) => l());
    },
    [userId],
  );
  return { recent: list, record };
}
