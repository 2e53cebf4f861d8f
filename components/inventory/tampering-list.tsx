"use client";

import { EmptyState } from "@/components/ui/states";
import type { TimeRange } from "@/lib/client/entity-links";
import type { TamperingKind, TamperingSignal } from "@/lib/client/inventory";
import { EventList } from "./event-list";

export const TAMPERING_LABEL: Record<TamperingKind, string> = {
  "events-deleted": "Kubernetes Events deleted",
  "agent-workload-changed": "Logging agent DaemonSet changed",
  "agent-config-changed": "Logging agent ConfigMap changed",
};

/** Signals that the logging pipeline is being tampered with, grouped by kind, each event openable. */
export function TamperingList({ signals, range }: { signals: TamperingSignal[]; range: TimeRange }) {
  if (signals.length === 0) {
    return <EmptyState>No deleted Events and no changes to logging agents (DaemonSets, ConfigMaps) in this range.</EmptyState>;
  }
  const kinds = (Object.keys(TAMPERING_LABEL) as TamperingKind[]).filter((k) => signals.some((s) => s.kind === k));
  return (
    <div className="flex flex-col" data-testid="tampering-list">
      {kinds.map((k) => {
        const events = signals.filter((s) => s.kind === k).map((s) => s.event);
        return (
          <div key={k}>
            <h3 className="border-b border-line bg-panel-2 px-3 py-1 text-[11px] font-semibold">
              {TAMPERING_LABEL[k]} <span className="font-mono text-muted">({events.length})</span>
            </h3>
            <EventList events={events} columns={["namespace", "actor", "action", "code"]} range={range} testId="tampering-event" maxHeight="max-h-64" />
          </div>
        );
      })}
    </div>
  );
}
