"use client";

import { CircleMinus, CirclePlus } from "lucide-react";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";

/** "Filter for / filter out this value": field is a query-language name, value null = empty. */
export type FilterFn = (field: string, value: string | null, exclude: boolean) => void;

function FilterButtons({ field, value, onFilter }: { field: string; value: string | null; onFilter: FilterFn }) {
  const shown = value === null ? "(empty)" : value.length > 60 ? `${value.slice(0, 60)}…` : value;
  const btn = "inline-flex size-6 items-center justify-center rounded text-muted hover:bg-row-hover hover:text-fg";
  return (
    <>
      <button type="button" className={btn} aria-label={`Filter for ${field}: ${shown}`} title={`Filter for this value (${field})`} onClick={() => onFilter(field, value, false)}>
        <CirclePlus className="size-3.5" aria-hidden />
      </button>
      <button type="button" className={btn} aria-label={`Filter out ${field}: ${shown}`} title={`Filter out this value (${field})`} onClick={() => onFilter(field, value, true)}>
        <CircleMinus className="size-3.5" aria-hidden />
      </button>
    </>
  );
}

type Props = {
  name: string;
  value: string;
  display?: ReactNode;
  /** Query field to filter on; omitted for fields that cannot be filtered (times, objects). */
  field?: string;
  onFilter?: FilterFn;
};

/** One field of the event: name, value, and copy / filter for / filter out on hover or focus. */
export function EventFieldRow({ name, value, display, field, onFilter }: Props) {
  return (
    <div className="group grid grid-cols-[10rem_1fr_auto] items-start gap-2 border-b border-line/50 py-1 text-xs" data-field={name}>
      <dt className="truncate font-mono text-muted" title={name}>
        {name}
      </dt>
      <dd className="min-w-0 font-mono break-all whitespace-pre-wrap">{value === "" ? <span className="text-muted/60">—</span> : (display ?? value)}</dd>
      <div className="flex items-center opacity-40 group-focus-within:opacity-100 group-hover:opacity-100">
        {field && onFilter && <FilterButtons field={field} value={value === "" ? null : value} onFilter={onFilter} />}
        {value !== "" ? <CopyButton value={value} label={`Copy ${name}`} /> : <span className="w-[26px]" aria-hidden />}
      </div>
    </div>
  );
}
