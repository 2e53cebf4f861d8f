"use client";

import { Spinner } from "@/components/ui/states";
import { formatNumber, formatShort } from "@/lib/client/format";
import type { HistogramDto, StackBy } from "@/lib/client/search-types";
import { HistogramChart } from "./histogram-chart";
import { intervalLabel, seriesFor, toData } from "./histogram-series";

type Props = {
  histogram: HistogramDto | undefined;
  loading: boolean;
  stack: StackBy;
  onStackChange: (stack: StackBy) => void;
  /** Dragging a range or clicking a bar narrows the time range to it. */
  onZoom: (from: string, to: string) => void;
};

export function Histogram({ histogram, loading, stack, onStackChange, onZoom }: Props) {
  const series = seriesFor(stack);
  const data = histogram ? toData(histogram, stack) : [];
  const total = data.reduce((n, d) => n + d.total, 0);
  const intervalMs = histogram?.intervalMs ?? 0;
  const present = series.filter((s) => data.some((d) => d[s.key] > 0));

  return (
    <section data-testid="histogram" aria-label="Event histogram" className="shrink-0 rounded border border-line bg-panel">
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-3 py-1.5 text-[11px] text-muted">
        <span>
          <span className="font-mono font-semibold text-fg" data-testid="histogram-total">
            {histogram ? formatNumber(total) : "—"}
          </span>{" "}
          events
        </span>
        {histogram && (
          <span className="hidden font-mono sm:inline">
            {formatShort(histogram.from)} → {formatShort(histogram.to)} · {intervalLabel(intervalMs)} buckets
          </span>
        )}
        <div className="ml-auto flex flex-wrap items-center gap-3">
          {present.map((s) => (
            <span key={s.key} className="flex items-center gap-1">
              <span className="size-2 rounded-sm" style={{ background: s.color }} aria-hidden />
              {s.key}
            </span>
          ))}
          <button
            type="button"
            onClick={() => onStackChange(stack === "layer" ? "severity" : "layer")}
            title="Switch between stacking by layer and by severity"
            className="rounded border border-line bg-panel-2 px-2 py-0.5 text-[11px] text-fg hover:bg-row-hover"
          >
            Stack by: <span className="font-medium">{stack}</span>
          </button>
        </div>
      </div>
      <div className="relative h-28 px-1 pt-2" data-testid="histogram-chart">
        {loading && !histogram && <Spinner className="absolute inset-0 justify-center" label="Loading histogram" />}
        {histogram && <HistogramChart data={data} series={series} intervalMs={intervalMs} onZoom={onZoom} />}
      </div>
    </section>
  );
}
