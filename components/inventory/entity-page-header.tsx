"use client";

import type { ReactNode } from "react";
import { Breadcrumbs, type Crumb } from "./breadcrumbs";
import { RangeBar } from "./range-bar";
import { useEntityRange } from "./use-entity-range";

/** Breadcrumbs and the time range, on every entity page. */
export function EntityPageHeader({ crumbs, refreshing, onRefresh, children }: { crumbs: Crumb[]; refreshing?: boolean; onRefresh?: () => void; children?: ReactNode }) {
  const { range, setRange } = useEntityRange();
  return (
    <div className="flex flex-col gap-2 border-b border-line bg-panel px-4 py-2">
      <div className="flex min-h-7 items-center gap-3">
        <Breadcrumbs items={crumbs} />
        <div className="ml-auto flex items-center gap-2">{children}</div>
      </div>
      <RangeBar key={`${range.from}\u0000${range.to}`} range={range} onChange={setRange} onRefresh={onRefresh} refreshing={refreshing} />
    </div>
  );
}
