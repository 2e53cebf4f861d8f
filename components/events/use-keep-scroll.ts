"use client";

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";

/** Within this many pixels of the top the reader is following the newest rows. */
const FOLLOW_PX = 4;

/**
 * Rows prepended to a newest-first list (live tail) would push what the
 * reader is looking at down the screen. Unless they are at the top (then they
 * follow the stream, as in `tail -f`), shift the scroll position by the added
 * rows so the same rows stay in place, and count what arrived above.
 */
export function useKeepScrollOnPrepend(scrollRef: RefObject<HTMLElement | null>, rows: readonly { id: string }[], rowHeight: number) {
  const firstId = useRef<string | null>(null);
  const [count, setCount] = useState(0);

  useLayoutEffect(() => {
    const previous = firstId.current;
    firstId.current = rows[0]?.id ?? null;
    const el = scrollRef.current;
    if (!el || previous === null || rows[0]?.id === previous) return;
    // Only a prepend keeps the previous head further down; a new search or a reset does not.
    const added = rows.findIndex((r) => r.id === previous);
    if (added <= 0) {
      setCount(0);
      return;
    }
    if (el.scrollTop <= FOLLOW_PX) return;
    el.scrollTop += added * rowHeight;
    setCount((n) => n + added);
  }, [rows, rowHeight, scrollRef]);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      if (el.scrollTop <= FOLLOW_PX) setCount(0);
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, [scrollRef]);

  const jump = useCallback(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setCount(0);
  }, [scrollRef]);

  return { count, jump };
}
