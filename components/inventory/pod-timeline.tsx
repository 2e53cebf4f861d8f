"use client";

import { useMemo, useState } from "react";
import { EventDrawer } from "@/components/events/event-drawer";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { LAYER_COLOR, LayerBadge, SeverityBadge } from "@/components/ui/domain-badges";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { errorMessage } from "@/lib/client/api";
import type { TimeRange } from "@/lib/client/entity-links";
import { formatTs } from "@/lib/client/format";
import { usePodTimeline, type EntityRange } from "@/lib/client/inventory";
import type { StoredEvent } from "@/lib/client/types";
import { LAYERS, type Layer } from "@/lib/events/types";

/** Who or what speaks in a row: the API actor, the runtime's process, the container, the reporting component. */
function who(e: StoredEvent): string {
  if (e.layer === "audit") return e.actor ?? "(anonymous)";
  if (e.layer === "runtime") {
    const f = (e.attributes.output_fields ?? {}) as Record<string, unknown>;
    return typeof f["proc.name"] === "string" ? `falco · ${f["proc.name"]}` : "falco";
  }
  if (e.layer === "container") return e.container ?? "container";
  if (e.actor) return e.actor;
  // Kubernetes Events name their reporter (kubelet, scheduler …) in the record itself.
  const a = e.attributes as { reportingComponent?: unknown; reportingController?: unknown; source?: { component?: unknown } };
  const reporter = [a.reportingController, a.reportingComponent, a.source?.component].find((x) => typeof x === "string" && x);
  return typeof reporter === "string" ? reporter : e.layer;
}

function LayerToggles({ layers, onChange }: { layers: Layer[]; onChange: (l: Layer[]) => void }) {
  const all = layers.length === 0;
  return (
    <div className="flex flex-wrap items-center gap-1" role="group" aria-label="Layers">
      {LAYERS.map((l) => {
        const on = all || layers.includes(l);
        return (
          <button
            key={l}
            type="button"
            aria-pressed={on}
            onClick={() => {
              const current = all ? [...LAYERS] : layers;
              const next = on ? current.filter((x) => x !== l) : [...current, l];
              onChange(next.length === LAYERS.length || next.length === 0 ? [] : next);
            }}
            className={cn("inline-flex h-6 items-center gap-1.5 rounded border px-2 font-mono text-[11px]", on ? "border-line bg-panel text-fg" : "border-transparent text-muted line-through")}
          >
            <span className="size-2 rounded-sm" style={{ background: LAYER_COLOR[l], opacity: on ? 1 : 0.3 }} aria-hidden />
            {l}
          </button>
        );
      })}
    </div>
  );
}

/**
 * The pod's one cross-layer timeline: API requests about it, Kubernetes
 * Events, container logs and Falco alerts interleaved by time, newest first.
 */
export function PodTimeline({ cluster, namespace, pod, range, links, layers, container, onLayers }: {
  cluster: string; namespace: string; pod: string; range: EntityRange; links: TimeRange; layers: Layer[]; container: string; onLayers: (l: Layer[]) => void;
}) {
  const q = usePodTimeline(cluster, namespace, pod, range, layers, container);
  const rows = useMemo(() => q.data?.pages.flatMap((p) => p.events) ?? [], [q.data]);
  const [openId, setOpenId] = useState<string | null>(null);
  const tz = useTimeZone();
  return (
    <div>
      <div className="flex flex-wrap items-center gap-2 border-b border-line px-3 py-1.5">
        <LayerToggles layers={layers} onChange={onLayers} />
        {q.isFetching && <Spinner label="Loading" />}
        <span className="ml-auto text-[11px] text-muted">{tz && `Time zone: ${tz} · `}newest first</span>
      </div>
      {q.isError ? (
        <ErrorBox className="m-3">{errorMessage(q.error)}</ErrorBox>
      ) : q.isPending ? (
        <Spinner className="p-3" label="Loading timeline" />
      ) : rows.length === 0 ? (
        <EmptyState>Nothing about this pod{container ? ` (container ${container})` : ""} in the selected layers and range.</EmptyState>
      ) : (
        <ol className="max-h-[40rem] overflow-auto" data-testid="pod-timeline">
          {rows.map((e) => (
            <li key={e.id}>
              <button
                type="button"
                data-testid="pod-timeline-row"
                data-layer={e.layer}
                onClick={() => setOpenId(e.id)}
                className={cn("grid w-full grid-cols-[12.5rem_6.5rem_6rem_14rem_1fr] items-center gap-2 border-b border-line/60 py-1 pr-2 text-left text-xs hover:bg-row-hover",
                  openId === e.id && "bg-row-active")}
                style={{ boxShadow: `inset 3px 0 0 0 ${LAYER_COLOR[e.layer]}` }}
              >
                <time dateTime={e.ts} className="pl-3 font-mono whitespace-nowrap text-muted tabular-nums">{formatTs(e.ts)}</time>
                <span><LayerBadge layer={e.layer} /></span>
                <span><SeverityBadge severity={e.severity} /></span>
                <span className="truncate font-mono" title={who(e)}>{who(e)}</span>
                <span className="truncate" title={e.message}>{e.message}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {q.hasNextPage && (
        <div className="border-t border-line px-3 py-2">
          <Button onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>{q.isFetchingNextPage ? "Loading…" : "Load older"}</Button>
        </div>
      )}
      <EventDrawer eventId={openId} initial={rows.find((e) => e.id === openId)} onClose={() => setOpenId(null)} range={links} />
    </div>
  );
}
