"use client";

import { Download, PanelLeftOpen } from "lucide-react";
import { Button } from "@/components/ui/button";
import { exportHref, type EventSearch } from "@/lib/client/events";
import { formatNumber } from "@/lib/client/format";
import type { ColumnDef } from "./columns";
import { ColumnsMenu } from "./columns-menu";

type Props = {
  search: EventSearch;
  shown: number;
  more: boolean;
  tailed: number;
  columns: ColumnDef[];
  onColumnsChange: (ids: string[] | null) => void;
  facetsOpen: boolean;
  onOpenFacets: () => void;
};

const LINK = "inline-flex h-6 items-center gap-1 rounded border border-line bg-panel-2 px-2 text-[11px] font-medium text-fg hover:bg-row-hover";

/** Count, column chooser and export of the current query (streamed downloads, not JSON in memory). */
export function ResultsHeader({ search, shown, more, tailed, columns, onColumnsChange, facetsOpen, onOpenFacets }: Props) {
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-1.5 text-[11px] text-muted">
      {!facetsOpen && (
        <Button size="xs" onClick={onOpenFacets} title="Show field facets">
          <PanelLeftOpen className="size-3.5" aria-hidden />
          Fields
        </Button>
      )}
      <span data-testid="results-count">
        <span className="font-mono text-fg">{formatNumber(shown)}</span>
        {more ? "+" : ""} events, newest first
        {tailed > 0 && <span> · {formatNumber(tailed)} new while live</span>}
      </span>
      <div className="ml-auto flex items-center gap-2">
        <ColumnsMenu columns={columns} onChange={onColumnsChange} />
        <a className={LINK} href={exportHref(search, "csv")} download>
          <Download className="size-3" aria-hidden />
          Export CSV
        </a>
        <a className={LINK} href={exportHref(search, "ndjson")} download>
          <Download className="size-3" aria-hidden />
          Export NDJSON
        </a>
      </div>
    </div>
  );
}
