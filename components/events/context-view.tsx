"use client";

import { ArrowLeft } from "lucide-react";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useEventContext, type ContextRequest } from "@/lib/client/events";
import { formatNumber } from "@/lib/client/format";
import { CONTEXT_SCOPES, type ContextScope } from "@/lib/client/search-types";
import { CONTEXT_LINES, CONTEXT_WINDOWS } from "@/lib/client/timeline-url";
import type { StoredEvent } from "@/lib/client/types";
import { resolveColumns, type CellContext } from "./columns";
import { EventsTable } from "./events-table";

/** Where each row came from matters more than who did it when layers interleave. */
const CONTEXT_COLUMNS = ["ts", "layer", "severity", "node", "pod", "container", "message"];

type Props = {
  context: ContextRequest;
  cell: CellContext;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onChange: (c: ContextRequest) => void;
  onOpen: (e: StoredEvent) => void;
  onClose: () => void;
};

function Choice<T extends string | number>({ label, value, options, onChange }: { label: string; value: T; options: readonly T[]; onChange: (v: T) => void }) {
  const all = options.includes(value) ? options : [value, ...options];
  return (
    <label className="flex items-center gap-1 text-muted">
      {label}
      <select
        aria-label={label}
        value={String(value)}
        onChange={(e) => onChange((typeof value === "number" ? Number(e.target.value) : e.target.value) as T)}
        className="h-7 rounded border border-line bg-panel px-1.5 font-mono text-xs text-fg"
      >
        {all.map((o) => (
          <option key={String(o)} value={String(o)}>
            {String(o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * "Show surrounding": one interleaved timeline (oldest first) of ±N lines from
 * the anchor's container and ±T of everything in its pod / node / cluster.
 */
export function ContextView({ context, cell, selectedId, onSelect, onChange, onOpen, onClose }: Props) {
  const query = useEventContext(context);
  const columns = useMemo(() => resolveColumns(CONTEXT_COLUMNS), []);
  const events = query.data?.events ?? [];
  const layers = new Set(events.map((e) => e.layer));

  return (
    <section data-testid="context-view" aria-label="Surrounding events" className="flex min-h-0 flex-1 flex-col rounded border border-line bg-panel">
      <div className="flex flex-wrap items-center gap-3 border-b border-line px-3 py-1.5 text-xs">
        <Button variant="ghost" onClick={onClose} title="Back to the results (Esc)">
          <ArrowLeft className="size-3.5" aria-hidden />
          Back to results
        </Button>
        <span className="font-medium">
          Surrounding event <span className="font-mono">{context.id}</span>
        </span>
        <Choice<ContextScope> label="Scope" value={context.scope} options={CONTEXT_SCOPES} onChange={(scope) => onChange({ ...context, scope })} />
        <Choice<number> label="± lines" value={context.lines} options={CONTEXT_LINES} onChange={(lines) => onChange({ ...context, lines })} />
        <Choice<string> label="± time" value={context.window} options={CONTEXT_WINDOWS} onChange={(window) => onChange({ ...context, window })} />
        {query.data && (
          <span className="ml-auto text-[11px] text-muted">
            {formatNumber(events.length)} events · {layers.size} {layers.size === 1 ? "layer" : "layers"} · oldest first
          </span>
        )}
      </div>
      {query.isError ? (
        <ErrorBox className="m-3">{errorMessage(query.error)}</ErrorBox>
      ) : query.isPending ? (
        <Spinner className="p-4" label="Loading surrounding events" />
      ) : (
        <EventsTable
          events={events}
          columns={columns}
          cell={cell}
          rowTestId="context-row"
          anchorId={query.data?.anchor.id ?? context.id}
          selectedId={selectedId}
          onSelect={onSelect}
          onOpen={onOpen}
          className="min-h-0 flex-1"
          empty={<EmptyState>Nothing around this event.</EmptyState>}
        />
      )}
    </section>
  );
}
