"use client";

import { useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";
import { formatTsZone } from "@/lib/client/format";

/*
 * One shared 1 s clock for every "x ago" cell: a per-cell interval would drift and multiply
 * timers. The server snapshot is 0 so SSR never bakes in the server's notion of "now".
 */
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(cb: () => void) {
  listeners.add(cb);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 1000);
  }
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// Lazily set so a client-side mount shows a value at once instead of "—" until the first tick.
const getSnapshot = () => now || (now = Date.now());
const getServerSnapshot = () => 0;

export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

export function formatAgo(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}

/** Relative time with the absolute one in the tooltip; `staleAfterMs` turns it amber. */
export function TimeAgo({ iso, staleAfterMs, className }: { iso: string; staleAfterMs?: number; className?: string }) {
  const current = useNow();
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return <span className="text-muted/60">—</span>;
  const age = current ? current - t : 0;
  const stale = current !== 0 && staleAfterMs !== undefined && age > staleAfterMs;
  const absolute = formatTsZone(iso);
  return (
    <time
      dateTime={iso}
      title={stale ? `${absolute} — silent for over ${Math.round((staleAfterMs ?? 0) / 60_000)} min` : absolute}
      data-stale={stale || undefined}
      className={cn("font-mono whitespace-nowrap tabular-nums", stale ? "text-amber-600 dark:text-amber-400" : "text-muted", className)}
    >
      {current ? formatAgo(age) : "—"}
      {/* Colour alone is not announced. */}
      {stale && <span className="sr-only"> (silent)</span>}
    </time>
  );
}
