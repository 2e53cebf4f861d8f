"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { MouseHandlerDataParam } from "recharts";
import { formatNumber, formatTsZone } from "@/lib/client/format";
import { intervalLabel, type Datum, type Series } from "./histogram-series";

function tickFormatter(intervalMs: number) {
  const timeOnly = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const withSeconds = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  const dayOnly = new Intl.DateTimeFormat(undefined, { month: "short", day: "2-digit" });
  return (ts: number) => (intervalMs >= 86_400_000 ? dayOnly : intervalMs < 60_000 ? withSeconds : timeOnly).format(ts);
}

function ChartTooltip({ datum, intervalMs, series }: { datum: Datum | undefined; intervalMs: number; series: Series[] }) {
  if (!datum) return null;
  return (
    <div className="rounded border border-line bg-panel px-2.5 py-2 text-[11px] shadow-lg">
      <div className="mb-1 font-mono text-muted">
        {formatTsZone(new Date(datum.ts).toISOString())} · {intervalLabel(intervalMs)}
      </div>
      {series.filter((s) => datum[s.key] > 0).map((s) => (
        <div key={s.key} className="flex items-center gap-2">
          <span className="size-2 rounded-sm" style={{ background: s.color }} />
          <span className="flex-1">{s.key}</span>
          <span className="font-mono">{formatNumber(datum[s.key])}</span>
        </div>
      ))}
      <div className="mt-1 flex justify-between gap-4 border-t border-line pt-1 font-medium">
        <span>total</span>
        <span className="font-mono">{formatNumber(datum.total)}</span>
      </div>
      <div className="mt-1 text-muted">click to zoom in, drag to select a range</div>
    </div>
  );
}

const indexOf = (s: MouseHandlerDataParam): number | null => {
  const i = Number(s.activeTooltipIndex ?? s.activeIndex);
  return Number.isInteger(i) && i >= 0 ? i : null;
};

type Props = { data: Datum[]; series: Series[]; intervalMs: number; onZoom: (from: string, to: string) => void };

/**
 * Stacked bars over time. Press, drag and release selects a range (shown as a
 * ReferenceArea) and zooms to it; press and release on one bucket zooms to it.
 */
export function HistogramChart({ data, series, intervalMs, onZoom }: Props) {
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const fmt = tickFormatter(intervalMs);

  function finish() {
    if (!drag) return;
    const a = data[Math.min(drag.start, drag.end)];
    const b = data[Math.max(drag.start, drag.end)];
    setDrag(null);
    if (a && b) onZoom(new Date(a.ts).toISOString(), new Date(b.ts + intervalMs).toISOString());
  }

  const x1 = drag ? data[Math.min(drag.start, drag.end)]?.ts : undefined;
  const x2 = drag ? data[Math.max(drag.start, drag.end)]?.ts : undefined;

  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart
        data={data}
        margin={{ top: 0, right: 8, bottom: 0, left: 0 }}
        barCategoryGap={1}
        onMouseDown={(s) => {
          const i = indexOf(s);
          if (i !== null) setDrag({ start: i, end: i });
        }}
        onMouseMove={(s) => {
          const i = indexOf(s);
          if (drag && i !== null && i !== drag.end) setDrag({ ...drag, end: i });
        }}
        onMouseUp={finish}
        onMouseLeave={() => setDrag(null)}
        style={{ cursor: drag ? "col-resize" : "zoom-in", userSelect: "none" }}
      >
        <CartesianGrid vertical={false} stroke="var(--line)" strokeDasharray="2 3" />
        <XAxis
          dataKey="ts"
          tickFormatter={fmt}
          tick={{ fontSize: 10, fill: "var(--muted)" }}
          axisLine={{ stroke: "var(--line)" }}
          tickLine={false}
          minTickGap={40}
        />
        <YAxis width={40} tick={{ fontSize: 10, fill: "var(--muted)" }} axisLine={false} tickLine={false} allowDecimals={false} />
        <Tooltip
          cursor={{ fill: "var(--row-hover)" }}
          isAnimationActive={false}
          // Stays mounted while dragging (it tracks the hovered bucket), but shows nothing.
          content={(p) => (drag ? null : <ChartTooltip datum={p.payload?.[0]?.payload as Datum | undefined} intervalMs={intervalMs} series={series} />)}
        />
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} stackId="stack" fill={s.color} isAnimationActive={false} />
        ))}
        {x1 !== undefined && x2 !== undefined && (
          <ReferenceArea x1={x1} x2={x2} fill="var(--accent)" fillOpacity={0.18} stroke="var(--accent)" strokeOpacity={0.6} ifOverflow="visible" />
        )}
      </BarChart>
    </ResponsiveContainer>
  );
}
