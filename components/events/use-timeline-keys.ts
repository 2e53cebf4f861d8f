"use client";

import { useEffect, useRef } from "react";

export type TimelineKeyHandlers = {
  focusSearch: () => void;
  openHelp: () => void;
  move: (delta: 1 | -1) => void;
  openSelected: () => void;
  escape: () => void;
};

function isTyping(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

function isInteractive(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  return !!el && ["BUTTON", "A", "SUMMARY"].includes(el.tagName);
}

/**
 * Page-wide keys, as in most log consoles: "/" search, "?" help, j/k rows,
 * Enter open, Esc back. Ignored while typing and while a dialog or popover
 * is open (they handle their own keys, Esc included).
 */
export function useTimelineKeys(handlers: TimelineKeyHandlers) {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.metaKey || e.ctrlKey || e.altKey || isTyping(e.target)) return;
      // A closing dialog stays in the DOM while it animates out (data-state="closed"): keys typed then are the page's.
      if (document.querySelector('[role="dialog"]:not([data-state="closed"]), [role="menu"]:not([data-state="closed"])')) return;
      const h = ref.current;
      switch (e.key) {
        case "/":
          e.preventDefault();
          h.focusSearch();
          break;
        case "?":
          e.preventDefault();
          h.openHelp();
          break;
        case "j":
          e.preventDefault();
          h.move(1);
          break;
        case "k":
          e.preventDefault();
          h.move(-1);
          break;
        case "Enter":
          if (isInteractive(e.target)) return;
          e.preventDefault();
          h.openSelected();
          break;
        case "Escape":
          h.escape();
          break;
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
