"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LAYER_COLOR } from "@/components/ui/domain-badges";
import { Spinner } from "@/components/ui/states";
import type { Histogram as HistogramDto } from "@/lib/client/types";
import { formatNumber, formatShort, formatTsZone } from "@/lib/client/format";
import { LAYERS, type Layer } from "@/lib/events/types";

type Datum = { ts: number; total: number } & Record<Layer, number>;

function toData(h: HistogramDto): Datum[] {
  return h.buckets.map((b) => {
    const d = { ts: Date.parse(b.ts), total: b.total } as Datum;
    for (const l of LAYERS) d[l] = b.byLayer[l] ?? 0;
    return d;
  });
}

function tickFormatter(intervalMs: number) {
  const timeOnly = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const dayOnly = new Intl.DateTimeFormat(undefined, { month: "short", day: "2-digit" });
  return (ts: number) => (intervalMs >= 86_400_000 ? dayOnly.format(ts) : timeOnly.format(ts));
}

function HistogramTooltip({ datum, intervalMs }: { datum: Datum | undefined; intervalMs: number }) {
  if (!datum) return null;
  return (
    <div className="rounded border border-line bg-panel px-2.5 py-2 text-[11px] shadow-lg">
      <div className="mb-1 font-mono text-muted">
        {formatTsZone(new Date(datum.ts).toISOString())} · {Math.round(intervalMs / 60000)}m
      </div>
      {LAYERS.filter((l) => datum[l] > 0).map((l) => (
        <div key={l} className="flex items-center gap-2">
          <span className="size-2 rounded-sm" style={{ background: LAYER_COLOR[l] }} />
          <span className="flex-1">{l}</span>
          <span className="font-mono">{formatNumber(datum[l])}</span>
        </div>
      ))}
      <div className="mt-1 flex justify-between border-t border-line pt-1 font-medium">
        <span>total</span>
        <span className="font-mono">{formatNumber(datum.total)}</span>
      </div>
    </div>
  );
}

type Props = {
  histogram: HistogramDto | undefined;
  loading: boolean;
  /** Clicking a bar narrows the time range to that bucket. */
  onZoom: (from: string, to: string) => void;
};

export function Histogram({ histogram, loading, onZoom }: Props) {
  const data = histogram ? toData(histogram) : [];
  const total = data.reduce((n, d) => n + d.total, 0);
  const intervalMs = histogram?.intervalMs ?? 0;
  const fmt = tickFormatter(intervalMs);

  return (
    <section data-testid="histogram" aria-label="Event histogram" className="rounded border border-line bg-panel">
      <div className="flex items-center gap-3 border-b border-line px-3 py-1.5 text-[11px] text-muted">
        <span>
          <span className="font-mono font-semibold text-fg">{histogram ? formatNumber(total) : "—"}</span> events
        </span>
        {histogram && (
          <span className="hidden font-mono sm:inline">
            {formatShort(histogram.from)} → {formatShort(histogram.to)} · interval {Math.max(1, Math.round(intervalMs / 60000))}m
          </span>
        )}
        <div className="ml-auto flex items-center gap-3">
          {LAYERS.map((l) => (
            <span key={l} className="flex items-center gap-1">
              <span className="size-2 rounded-sm" style={{ background: LAYER_COLOR[l] }} aria-hidden />
              {l}
            </span>
          ))}
        </div>
      </div>
      <div className="relative h-28 px-1 pt-2">
        {loading && !histogram && <Spinner className="absolute inset-0 justify-center" label="Loading histogram" />}
        {histogram && (
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 0, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
              <CartesianGrid vertical={false} stroke="var(--line)" strokeDasharray="2 3" />
              <XAxis
                dataKey="ts"
                tickFormatter={fmt}
                tick={{ fontSize: 10, fill: "var(--muted)" }}
                axisLine={{ stroke: "var(--line)" }}
                tickLine={false}
                minTickGap={40}
              />
              <YAxis width={36} tick={{ fontSize: 10, fill: "var(--muted)" }} axisLine={false} tickLine={false} allowDecimals={false} />
              <Tooltip
                cursor={{ fill: "var(--row-hover)" }}
                isAnimationActive={false}
                content={(p) => <HistogramTooltip datum={p.payload?.[0]?.payload as Datum | undefined} intervalMs={intervalMs} />}
              />
              {LAYERS.map((l) => (
                <Bar
                  key={l}
                  dataKey={l}
                  stackId="layers"
                  fill={LAYER_COLOR[l]}
                  isAnimationActive={false}
                  cursor="zoom-in"
                  onClick={(item) => {
                    const d = item.payload as Datum | undefined;
                    if (d) onZoom(new Date(d.ts).toISOString(), new Date(d.ts + intervalMs).toISOString());
                  }}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
        )}
      </div>
    </section>
  );
}
