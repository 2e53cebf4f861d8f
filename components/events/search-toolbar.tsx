"use client";

import { RefreshCw, Search } from "lucide-react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import type { EventSearch } from "@/lib/client/events";
import { QUICK_RANGES, resolveTime } from "@/lib/client/time";

type Props = {
  search: EventSearch;
  onSearch: (next: EventSearch) => void;
  onRefresh: () => void;
  refreshing: boolean;
  timeZone: string;
};

/** Drafts live here until submit; the parent keys this component by the URL state to reset them. */
export function SearchToolbar({ search, onSearch, onRefresh, refreshing, timeZone }: Props) {
  const [q, setQ] = useState(search.q);
  const [from, setFrom] = useState(search.from);
  const [to, setTo] = useState(search.to);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // "/" jumps to the search box from anywhere on the page, as in most log consoles.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "/" || e.metaKey || e.ctrlKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))) return;
      e.preventDefault();
      inputRef.current?.focus();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function submit(next: EventSearch) {
    const f = resolveTime(next.from);
    const t = resolveTime(next.to);
    if (!f || !t) {
      setRangeError(`Invalid time: use ISO-8601 (2025-01-31T12:00:00Z) or now, now-15m, now-1h, now-24h, now-7d`);
      return;
    }
    if (f.getTime() >= t.getTime()) {
      setRangeError("“From” must be before “To”");
      return;
    }
    setRangeError(null);
    onSearch({ q: next.q.trim(), from: next.from.trim(), to: next.to.trim() });
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    submit({ q, from, to });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" role="search">
      <div className="flex items-center gap-2">
        <div className="relative min-w-0 flex-1">
          <Search className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted" aria-hidden />
          <Input
            ref={inputRef}
            aria-label="Search query"
            placeholder='Search events, e.g. verb:delete AND resource:secrets   (press "/" to focus, Enter to run)'
            value={q}
            onChange={(e) => setQ(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            className="h-8 w-full pl-7 font-mono"
          />
        </div>
        <Button type="submit" variant="primary" className="h-8">
          Search
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <div className="flex overflow-hidden rounded border border-line" role="group" aria-label="Quick ranges">
          {QUICK_RANGES.map((r) => {
            const active = search.from === r.from && search.to === "now";
            return (
              <button
                key={r.from}
                type="button"
                title={r.title}
                aria-pressed={active}
                onClick={() => submit({ q, from: r.from, to: "now" })}
                className={cn(
                  "h-7 border-r border-line px-2.5 font-mono text-[11px] last:border-r-0",
                  active ? "bg-accent text-accent-fg" : "bg-panel text-muted hover:bg-row-hover hover:text-fg",
                )}
              >
                {r.label}
              </button>
            );
          })}
        </div>
        <label htmlFor="range-from" className="text-[11px] text-muted">
          From
        </label>
        <Input id="range-from" value={from} onChange={(e) => setFrom(e.target.value)} className="w-52 font-mono" spellCheck={false} placeholder="now-24h or ISO-8601" />
        <label htmlFor="range-to" className="text-[11px] text-muted">
          To
        </label>
        <Input id="range-to" value={to} onChange={(e) => setTo(e.target.value)} className="w-52 font-mono" spellCheck={false} placeholder="now or ISO-8601" />
        <Button type="submit">Apply</Button>
        <Button variant="ghost" onClick={onRefresh} disabled={refreshing} aria-label="Refresh results" title="Re-run with a fresh “now”">
          <RefreshCw className={cn("size-3.5", refreshing && "animate-spin")} aria-hidden />
          Refresh
        </Button>
        <span className="ml-auto text-[11px] text-muted" title="Times are shown in your browser's time zone">
          {timeZone ? `Time zone: ${timeZone}` : null}
        </span>
      </div>
      {rangeError && (
        <p role="alert" className="text-xs text-danger">
          {rangeError}
        </p>
      )}
    </form>
  );
}
