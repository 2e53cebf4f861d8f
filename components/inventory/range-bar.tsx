"use client";

import { RefreshCw } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { useTimeZone } from "@/components/ui/use-time-zone";
import type { EntityRange } from "@/lib/client/inventory";
import { QUICK_RANGES, resolveTime } from "@/lib/client/time";

/** Quick ranges and free from/to (ISO-8601 or now-…); drafts live here until applied. */
export function RangeBar({ range, onChange, onRefresh, refreshing }: {
  range: EntityRange; onChange: (from: string, to: string) => void; onRefresh?: () => void; refreshing?: boolean;
}) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [error, setError] = useState<string | null>(null);
  const tz = useTimeZone();

  function apply(f: string, t: string) {
    const a = resolveTime(f);
    const b = resolveTime(t);
    if (!a || !b) return setError("Invalid time: use ISO-8601 (2025-01-31T12:00:00Z) or now, now-15m, now-1h, now-24h, now-7d");
    if (a.getTime() >= b.getTime()) return setError("“From” must be before “To”");
    setError(null);
    onChange(f.trim(), t.trim());
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(from, to);
  };

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2" aria-label="Time range">
      <div className="flex overflow-hidden rounded border border-line" role="group" aria-label="Quick ranges">
        {QUICK_RANGES.map((r) => {
          const active = range.from === r.from && range.to === "now";
          return (
            <button
              key={r.from}
              type="button"
              title={r.title}
              aria-pressed={active}
              onClick={() => apply(r.from, "now")}
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
      <label htmlFor="entity-from" className="text-[11px] text-muted">From</label>
      <Input id="entity-from" value={from} onChange={(e) => setFrom(e.target.value)} className="w-48 font-mono" spellCheck={false} />
      <label htmlFor="entity-to" className="text-[11px] text-muted">To</label>
      <Input id="entity-to" value={to} onChange={(e) => setTo(e.target.value)} className="w-48 font-mono" spellCheck={false} />
      <Button type="submit">Apply</Button>
      {onRefresh && (
        <Button variant="ghost" onClick={onRefresh} disabled={refreshing} aria-label="Refresh" title="Re-run with a fresh “now”">
          <RefreshCw className={cn("size-3.5", refreshing && "animate-spin")} aria-hidden />
          Refresh
        </Button>
      )}
      {tz && <span className="ml-auto text-[11px] text-muted">Time zone: {tz}</span>}
      {error && <p role="alert" className="w-full text-xs text-danger">{error}</p>}
    </form>
  );
}
