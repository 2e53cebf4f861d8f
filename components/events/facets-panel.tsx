"use client";

import { CircleMinus, PanelLeftClose } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { FACET_FIELDS } from "@/lib/client/events";
import { formatNumber } from "@/lib/client/format";
import { filterClause, hasClause } from "@/lib/client/query-edit";
import type { FacetsDto, FacetValue } from "@/lib/client/search-types";
import type { FilterFn } from "./event-field-row";

type Props = {
  facets: FacetsDto | undefined;
  loading: boolean;
  error: unknown;
  q: string;
  onFilter: FilterFn;
  onClose: () => void;
};

function FacetRow({ field, v, max, active, onFilter }: { field: string; v: FacetValue; max: number; active: boolean; onFilter: FilterFn }) {
  const label = v.value ?? "(empty)";
  return (
    <li className="group relative flex items-center gap-1">
      <button
        type="button"
        data-testid="facet-value"
        data-field={field}
        data-value={v.value ?? ""}
        aria-pressed={active}
        title={`Filter for ${field}: ${label}`}
        onClick={() => onFilter(field, v.value, false)}
        className={cn("relative flex min-w-0 flex-1 items-center gap-2 overflow-hidden rounded px-1.5 py-0.5 text-left hover:bg-row-hover", active && "bg-row-active")}
      >
        <span className="absolute inset-y-0 left-0 bg-accent/10" style={{ width: `${Math.max(2, (v.count / max) * 100)}%` }} aria-hidden />
        <span className={cn("relative min-w-0 flex-1 truncate font-mono", v.value === null && "text-muted italic")}>{label}</span>
        <span className="relative font-mono text-[10.5px] text-muted tabular-nums">{formatNumber(v.count)}</span>
      </button>
      <button
        type="button"
        aria-label={`Exclude ${field}: ${label}`}
        title={`Filter out ${field}: ${label}`}
        onClick={() => onFilter(field, v.value, true)}
        className="inline-flex size-5 shrink-0 items-center justify-center rounded text-muted opacity-40 group-hover:opacity-100 hover:bg-row-hover hover:text-fg focus-visible:opacity-100"
      >
        <CircleMinus className="size-3.5" aria-hidden />
      </button>
    </li>
  );
}

/** Top values of the key fields for the current query; click to include, (−) to exclude. */
export function FacetsPanel({ facets, loading, error, q, onFilter, onClose }: Props) {
  return (
    <aside data-testid="facets" aria-label="Field facets" className="flex w-52 shrink-0 flex-col overflow-hidden rounded border border-line bg-panel">
      <div className="flex items-center gap-2 border-b border-line px-2.5 py-1.5 text-[11px] text-muted">
        <span className="font-semibold tracking-wider uppercase">Fields</span>
        {facets && (
          <span className="font-mono" title={facets.sampled ? "Counts come from a sample of the matching events" : undefined}>
            {facets.sampled ? "≈ " : ""}
            {formatNumber(facets.total)}
          </span>
        )}
        <button type="button" onClick={onClose} aria-label="Hide fields" title="Hide fields" className="ml-auto rounded p-0.5 hover:bg-row-hover hover:text-fg">
          <PanelLeftClose className="size-3.5" aria-hidden />
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-1.5 py-1 text-xs">
        {error ? (
          <ErrorBox className="m-1">{errorMessage(error)}</ErrorBox>
        ) : !facets ? (
          loading ? <Spinner className="p-2" label="Loading fields" /> : null
        ) : (
          FACET_FIELDS.map((field) => {
            const values = facets.facets[field] ?? [];
            if (values.length === 0) return null;
            const max = Math.max(...values.map((v) => v.count), 1);
            return (
              <section key={field} className="mb-2" aria-label={`Top values of ${field}`}>
                <h3 className="px-1.5 pt-1 pb-0.5 text-[10.5px] font-semibold tracking-wider text-muted uppercase">{field}</h3>
                <ul>
                  {values.map((v) => (
                    <FacetRow key={v.value ?? "\u0000"} field={field} v={v} max={max} active={hasClause(q, filterClause(field, v.value, false))} onFilter={onFilter} />
                  ))}
                </ul>
              </section>
            );
          })
        )}
        {facets?.sampled && <p className="px-1.5 py-1 text-[10.5px] text-muted">Counts are estimated from a sample.</p>}
      </div>
    </aside>
  );
}
