"use client";

import { Clock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { formatTsZone } from "@/lib/client/format";
import { QUICK_RANGES, isRelative, resolveTime } from "@/lib/client/time";
import { AbsoluteRange } from "./absolute-range";

type Props = {
  from: string;
  to: string;
  onFromChange: (v: string) => void;
  onToChange: (v: string) => void;
  /** The range in the URL, to mark the active quick range. */
  activeFrom: string;
  activeTo: string;
  onQuick: (from: string) => void;
  onAbsolute: (from: string, to: string) => void;
  timeZone: string;
};

/** What a time expression means right now, in the viewer's zone (shown under relative inputs). */
function resolvedTitle(expr: string): string | undefined {
  const d = resolveTime(expr);
  if (!d) return "ISO-8601 (2025-01-31T12:00:00Z) or now, now-15m, now-1h, now-24h, now-7d";
  return isRelative(expr) ? `${expr} = ${formatTsZone(d.toISOString())}` : formatTsZone(d.toISOString());
}

/** Quick ranges, absolute or relative from/to (ISO-8601 or now-…), and the zone times are shown in. */
export function TimeRangePicker({ from, to, onFromChange, onToChange, activeFrom, activeTo, onQuick, onAbsolute, timeZone }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="flex overflow-hidden rounded border border-line" role="group" aria-label="Quick ranges">
        {QUICK_RANGES.map((r) => {
          const active = activeFrom === r.from && activeTo === "now";
          return (
            <button
              key={r.from}
              type="button"
              title={r.title}
              aria-pressed={active}
              onClick={() => onQuick(r.from)}
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
      <Input id="range-from" value={from} onChange={(e) => onFromChange(e.target.value)} title={resolvedTitle(from)} className="w-52 font-mono" spellCheck={false} placeholder="now-24h or ISO-8601" />
      <label htmlFor="range-to" className="text-[11px] text-muted">
        To
      </label>
      <Input id="range-to" value={to} onChange={(e) => onToChange(e.target.value)} title={resolvedTitle(to)} className="w-52 font-mono" spellCheck={false} placeholder="now or ISO-8601" />
      <Button type="submit">Apply</Button>
      <AbsoluteRange from={from} to={to} timeZone={timeZone} onApply={onAbsolute} />
      <span className="inline-flex items-center gap-1 text-[11px] text-muted" title="Times are shown in your browser's time zone" data-testid="time-zone">
        <Clock className="size-3" aria-hidden />
        {timeZone || "…"}
      </span>
    </div>
  );
}
