"use client";

import { useEffect, useRef } from "react";

export type QueueKeyAction = "down" | "up" | "toggle" | "acknowledge" | "resolve" | "assignToMe" | "search" | "help" | "open" | "clear";

/** The queue's shortcuts, also listed in the help dialog. */
export const QUEUE_SHORTCUTS: { keys: string[]; action: QueueKeyAction; label: string }[] = [
  { keys: ["j", "↓"], action: "down", label: "Next alert" },
  { keys: ["k", "↑"], action: "up", label: "Previous alert" },
  { keys: ["x"], action: "toggle", label: "Select / unselect the focused alert" },
  { keys: ["a"], action: "acknowledge", label: "Acknowledge the selected (or focused) alerts" },
  { keys: ["r"], action: "resolve", label: "Resolve the selected (or focused) alerts…" },
  { keys: ["e"], action: "assignToMe", label: "Assign the selected (or focused) alerts to me" },
  { keys: ["Enter", "o"], action: "open", label: "Open the focused alert" },
  { keys: ["/"], action: "search", label: "Search / filter" },
  { keys: ["Esc"], action: "clear", label: "Clear the selection" },
  { keys: ["?"], action: "help", label: "Show this help" },
];

const KEY_MAP: Record<string, QueueKeyAction> = {
  j: "down",
  ArrowDown: "down",
  k: "up",
  ArrowUp: "up",
  x: "toggle",
  a: "acknowledge",
  r: "resolve",
  e: "assignToMe",
  Enter: "open",
  o: "open",
  "/": "search",
  "?": "help",
  Escape: "clear",
};

type KeyLike = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null };

function isEditable(t: EventTarget | null): boolean {
  if (!t || typeof (t as HTMLElement).closest !== "function") return false;
  const el = t as HTMLElement;
  return el.isContentEditable || el.closest("input, textarea, select, [contenteditable='true']") !== null;
}

/** Which shortcut a key press means, or null: never while typing, with modifiers, or over a dialog. */
export function queueKeyAction(e: KeyLike, dialogOpen: boolean): QueueKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey || dialogOpen || isEditable(e.target)) return null;
  // Enter on a link or button keeps its own meaning
  if (e.key === "Enter" && (e.target as HTMLElement | null)?.closest?.("a, button")) return null;
  return KEY_MAP[e.key] ?? null;
}

export function useQueueKeyboard(handle: (action: QueueKeyAction) => void) {
  const ref = useRef(handle);
  useEffect(() => {
    ref.current = handle;
  });
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      // A closing dialog stays in the DOM while it animates out (data-state="closed"): it no longer holds the keys.
      const dialogOpen = document.querySelector("[role='dialog']:not([data-state='closed']), [role='alertdialog']:not([data-state='closed'])") !== null;
      const action = queueKeyAction(e, dialogOpen);
      if (!action) return;
      e.preventDefault();
      ref.current(action);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
