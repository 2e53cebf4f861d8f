"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { LAYER_COLOR } from "@/components/ui/domain-badges";
import { formatNumber, formatTsZone } from "@/lib/client/format";
import type { LayerHistogram, Sparkline as SparklineDto } from "@/lib/client/inventory";
import { LAYERS, type Layer } from "@/lib/events/types";

/** Events per minute over the range, as a small area chart (no axes). */
export function Sparkline({ data, label }: { data: SparklineDto; label: string }) {
  const perMin = data.intervalMs / 60_000;
  const points = data.points.map((p) => ({ ts: Date.parse(p.ts), rate: Math.round((p.events / perMin) * 10) / 10 }));
  return (
    <div className="h-12 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={points} margin={{ top: 2, right: 0, bottom: 0, left: 0 }}>
          <Tooltip
            isAnimationActive={false}
            cursor={{ stroke: "var(--line)" }}
            content={(p) => {
              const d = p.payload?.[0]?.payload as { ts: number; rate: number } | undefined;
              return d ? (
                <div className="rounded border border-line bg-panel px-2 py-1 text-[11px] shadow">
                  <div className="font-mono text-muted">{formatTsZone(new Date(d.ts).toISOString())}</div>
                  <div className="font-mono">{formatNumber(d.rate)} events/min</div>
                </div>
              ) : null;
            }}
          />
          <Area type="monotone" dataKey="rate" stroke="var(--accent)" fill="var(--accent)" fillOpacity={0.15} strokeWidth={1.5} isAnimationActive={false} dot={false} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}

type Datum = { ts: number; total: number } & Record<Layer, number>;

const tick = (intervalMs: number) => {
  const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const day = new Intl.DateTimeFormat(undefined, { month: "short", day: "2-digit" });
  return (ts: number) => (intervalMs >= 86_400_000 ? day.format(ts) : time.format(ts));
};

/** Activity stacked by layer; clicking a bar narrows the page's range to it. */
export function LayerActivityChart({ histogram, onZoom }: { histogram: LayerHistogram; onZoom: (from: string, to: string) => void }) {
  const data: Datum[] = histogram.buckets.map((b) => {
    const d = { ts: Date.parse(b.ts), total: b.total } as Datum;
    for (const l of LAYERS) d[l] = b.byLayer[l] ?? 0;
    return d;
  });
  const total = data.reduce((n, d) => n + d.total, 0);
  return (
    <div data-testid="layer-histogram">
      <div className="flex flex-wrap items-center gap-3 px-3 py-1.5 text-[11px] text-muted">
        <span>
          <span className="font-mono font-semibold text-fg">{formatNumber(total)}</span> events · interval {Math.max(1, Math.round(histogram.intervalMs / 60_000))} min
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {LAYERS.map((l) => (
            <span key={l} className="flex items-center gap-1">
              <span className="size-2 rounded-sm" style={{ background: LAYER_COLOR[l] }} aria-hidden />
              {l}
            </span>
          ))}
        </div>
      </div>
      <div className="h-32 px-1 pb-1">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 0, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
            <CartesianGrid vertical={false} stroke="var(--line)" strokeDasharray="2 3" />
            <XAxis dataKey="ts" tickFormatter={tick(histogram.intervalMs)} tick={{ fontSize: 10, fill: "var(--muted)" }} axisLine={{ stroke: "var(--line)" }} tickLine={false} minTickGap={40} />
            <YAxis width={40} tick={{ fontSize: 10, fill: "var(--muted)" }} axisLine={false} tickLine={false} allowDecimals={false} />
            <Tooltip
              isAnimationActive={false}
              cursor={{ fill: "var(--row-hover)" }}
              content={(p) => {
                const d = p.payload?.[0]?.payload as Datum | undefined;
                if (!d) return null;
                return (
                  <div className="rounded border border-line bg-panel px-2.5 py-2 text-[11px] shadow-lg">
                    <div className="mb-1 font-mono text-muted">{formatTsZone(new Date(d.ts).toISOString())}</div>
                    {LAYERS.filter((l) => d[l] > 0).map((l) => (
                      <div key={l} className="flex items-center gap-2">
                        <span className="size-2 rounded-sm" style={{ background: LAYER_COLOR[l] }} />
                        <span className="flex-1">{l}</span>
                        <span className="font-mono">{formatNumber(d[l])}</span>
                      </div>
                    ))}
                    <div className="mt-1 flex justify-between gap-4 border-t border-line pt-1 font-medium">
                      <span>total</span>
                      <span className="font-mono">{formatNumber(d.total)}</span>
                    </div>
                  </div>
                );
              }}
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
                  if (d) onZoom(new Date(d.ts).toISOString(), new Date(d.ts + histogram.intervalMs).toISOString());
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
