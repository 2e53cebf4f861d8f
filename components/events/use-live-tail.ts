"use client";

import { useEffect, useRef, useState } from "react";
import { fetchTail, type EventSearch } from "@/lib/client/events";
import type { StoredEvent } from "@/lib/client/types";

/** One poll per second (answer, then wait): new events show up at most ~2 s after they are stored. */
export const TAIL_INTERVAL_MS = 1000;
/** Older tailed rows drop off; the paged results below still hold them. */
const MAX_TAILED = 5000;

type TailState = { key: string; events: StoredEvent[]; lastPollAt: number | null; error: unknown };

/**
 * Polls /events/tail while `enabled`. Pausing keeps what arrived (the screen
 * does not jump) and resuming continues from the last cursor; a new query
 * starts over. `seedSince` is where to start (an ISO arrival time).
 */
export function useLiveTail(search: EventSearch, enabled: boolean, seedSince: string | null) {
  const key = `${search.q}\u0000${search.from}\u0000${search.to}`;
  const [state, setState] = useState<TailState>({ key, events: [], lastPollAt: null, error: null });
  const cursor = useRef<{ key: string; value: string } | null>(null);
  const seed = useRef(seedSince);
  useEffect(() => {
    seed.current = seedSince;
  }, [seedSince]);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ctrl = new AbortController();
    if (cursor.current?.key !== key) cursor.current = null;

    async function poll() {
      const since = cursor.current?.value ?? seed.current ?? new Date().toISOString();
      try {
        const r = await fetchTail(search.q, since, ctrl.signal);
        if (stopped) return;
        cursor.current = { key, value: r.cursor };
        setState((prev) => {
          const base = prev.key === key ? prev.events : [];
          const seen = new Set(base.map((e) => e.id));
          const fresh = r.events.filter((e) => !seen.has(e.id));
          const events = fresh.length > 0 ? [...fresh, ...base].slice(0, MAX_TAILED) : base;
          return { key, events, lastPollAt: Date.now(), error: null };
        });
      } catch (err) {
        if (stopped) return;
        setState((prev) => ({ ...(prev.key === key ? prev : { key, events: [], lastPollAt: null }), error: err }));
      }
      if (!stopped) timer = setTimeout(poll, TAIL_INTERVAL_MS);
    }
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [enabled, key, search.q]);

  const current = state.key === key ? state : { key, events: [], lastPollAt: null, error: null };
  return { events: current.events, lastPollAt: current.lastPollAt, error: current.error };
}

/** Tailed rows on top of the paged results, each event once. */
export function mergeTail(tailed: StoredEvent[], paged: StoredEvent[]): StoredEvent[] {
  if (tailed.length === 0) return paged;
  const seen = new Set(tailed.map((e) => e.id));
  return [...tailed, ...paged.filter((e) => !seen.has(e.id))];
}
