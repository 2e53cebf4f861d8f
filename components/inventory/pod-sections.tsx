"use client";

import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { TimeAgo } from "@/components/ingest/time-ago";
import { formatTs, formatTsZone } from "@/lib/client/format";
import type { ContainerRow, ExecSession, LifecycleStep } from "@/lib/client/inventory";

/** Steps that mark the phases of a pod's life; everything else (BackOff, Unhealthy …) is shown as it came. */
const PHASE: Record<string, string> = {
  create: "created", "create binding": "scheduled", Scheduled: "scheduled", Pulling: "pulling image", Pulled: "image pulled",
  Created: "container created", Started: "started", Killing: "killed", delete: "deleted", "create eviction": "evicted", Preempting: "preempted",
};

export function Lifecycle({ steps }: { steps: LifecycleStep[] }) {
  if (steps.length === 0) return <EmptyState>No lifecycle events (API actions or Kubernetes Events) for this pod in the range.</EmptyState>;
  return (
    <ol className="flex flex-wrap gap-2 p-3" data-testid="pod-lifecycle">
      {steps.map((s, i) => (
        <li
          key={`${s.source}-${s.step}-${s.container ?? ""}-${i}`}
          data-testid="lifecycle-step"
          data-step={s.step}
          title={`${s.message}\n${formatTsZone(s.first)}${s.count > 1 ? ` … ${formatTsZone(s.last)}` : ""}`}
          className={cn("flex min-w-[9rem] flex-col rounded border px-2 py-1 text-xs", s.warning ? "border-amber-500/50 bg-amber-500/10" : "border-line bg-panel-2")}
        >
          <span className="font-semibold">
            {PHASE[s.step] ?? s.step}
            {s.count > 1 && <span className="ml-1 font-mono font-normal text-muted">×{s.count}</span>}
          </span>
          <span className="font-mono text-[10.5px] text-muted">{formatTs(s.first)}</span>
          {s.container && <span className="font-mono text-[10.5px]">container {s.container}</span>}
          {s.actor && <span className="truncate font-mono text-[10.5px] text-muted" title={s.actor}>by {s.actor}</span>}
        </li>
      ))}
    </ol>
  );
}

/**
 * The window around a session: kube-apiserver stamps an exec's audit record
 * when the session ends (ResponseComplete), so what happened inside it lies
 * before that time.
 */
export function sessionWindow(ts: string): { from: string; to: string } {
  const t = Date.parse(ts);
  return { from: new Date(t - 15 * 60_000).toISOString(), to: new Date(t + 5 * 60_000).toISOString() };
}

export function ExecHistory({ execs, onShow }: { execs: ExecSession[]; onShow?: (from: string, to: string) => void }) {
  if (execs.length === 0) return <EmptyState>Nobody exec&apos;d, attached or port-forwarded into this pod in the range.</EmptyState>;
  return (
    <div className="max-h-80 overflow-auto">
      <Table className="min-w-[900px]" data-testid="exec-history">
        <thead>
          <tr><Th>Time</Th><Th>Who</Th><Th>What</Th><Th>Container</Th><Th className="w-full">Command</Th><Th>Result</Th><Th>From</Th>{onShow && <Th />}</tr>
        </thead>
        <tbody>
          {execs.map((x) => {
            const denied = x.code !== null && x.code >= 400;
            return (
              <tr key={x.id} data-testid="exec-row" className="hover:bg-row-hover">
                <Td className="font-mono whitespace-nowrap text-muted">{formatTs(x.ts)}</Td>
                <Td className="max-w-[18rem] truncate font-mono" title={x.actor ?? undefined}>
                  {x.actor ?? "(anonymous)"}
                  {x.impersonated && <span className="text-muted"> as {x.impersonated}</span>}
                </Td>
                <Td className="font-mono">{x.subresource}</Td>
                <Td className="font-mono">{x.container ?? "—"}</Td>
                <Td className="max-w-[24rem] truncate font-mono" title={x.command ?? undefined}>{x.command ?? "—"}</Td>
                <Td className={cn("font-mono whitespace-nowrap", denied ? "text-danger" : "text-emerald-600 dark:text-emerald-400")}>
                  {x.code ?? "—"} {denied ? "denied" : "allowed"}
                </Td>
                <Td className="max-w-[14rem] truncate font-mono" title={x.userAgent ?? undefined}>{x.sourceIp ?? "—"}</Td>
                {onShow && (
                  <Td>
                    <button type="button" data-testid="exec-show" onClick={() => { const w = sessionWindow(x.ts); onShow(w.from, w.to); }}
                      className="rounded px-2 py-0.5 text-[11px] font-medium whitespace-nowrap text-accent hover:bg-row-hover"
                      title="Narrow the page to the 15 minutes before this session ended and 5 after">
                      Show in timeline
                    </button>
                  </Td>
                )}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}

/** The pod's containers; choosing one opens the container view (timeline narrowed to it). */
export function Containers({ containers, selected, onSelect }: { containers: ContainerRow[]; selected: string; onSelect: (name: string) => void }) {
  if (containers.length === 0) return <EmptyState>No container of this pod has been named by any source.</EmptyState>;
  return (
    <Table data-testid="containers-table">
      <thead>
        <tr><Th>Container</Th><Th className="w-full">Image</Th><Th>Runtime id</Th><Th>First seen</Th><Th>Last seen</Th><Th /></tr>
      </thead>
      <tbody>
        {containers.map((c) => (
          <tr key={c.name} data-testid="container-row" className={cn("hover:bg-row-hover", selected === c.name && "bg-row-active")}>
            <Td className="font-mono font-semibold">{c.name}</Td>
            <Td className="max-w-[28rem] truncate font-mono" title={c.image ?? undefined}>{c.image ?? <span className="text-muted/60">unknown</span>}</Td>
            <Td className="font-mono">{c.containerId ?? "—"}</Td>
            <Td className="font-mono whitespace-nowrap text-muted">{formatTs(c.firstSeen)}</Td>
            <Td><TimeAgo iso={c.lastSeen} staleAfterMs={3_600_000} /></Td>
            <Td>
              <button type="button" onClick={() => onSelect(selected === c.name ? "" : c.name)} aria-pressed={selected === c.name}
                className="rounded px-2 py-0.5 text-[11px] font-medium whitespace-nowrap text-accent hover:bg-row-hover">
                {selected === c.name ? "Show all containers" : "Container view"}
              </button>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
