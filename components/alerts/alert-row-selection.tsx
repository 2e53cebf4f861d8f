"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Td, Th } from "@/components/ui/table";
import { resolutionLabel, type QueueAlert } from "@/lib/client/alerts";
import type { AlertDto } from "@/lib/client/types";

/** What the queue passes to the alerts table to make rows selectable and keyboard-focusable. */
export type AlertSelection = {
  selected: ReadonlySet<number>;
  focusedId: number | null;
  /** shift = extend the selection from the last toggled row */
  onToggle: (id: number, shift: boolean) => void;
  onSetMany: (ids: number[], selected: boolean) => void;
};

export function rowSelectionProps(a: AlertDto, selection: AlertSelection | undefined) {
  if (!selection) return {};
  return {
    "data-selected": selection.selected.has(a.id) ? "true" : undefined,
    "data-focused": selection.focusedId === a.id ? "true" : undefined,
    "aria-selected": selection.selected.has(a.id),
  };
}

export function SelectCell({ alert, selection }: { alert: AlertDto; selection: AlertSelection }) {
  return (
    <Td className="w-8">
      <input
        type="checkbox"
        className="size-3.5 accent-accent"
        aria-label={`Select alert ${alert.id}`}
        checked={selection.selected.has(alert.id)}
        // onClick (not onChange) to read the shift key for range selection
        onClick={(e) => selection.onToggle(alert.id, e.shiftKey)}
        onChange={() => {}}
      />
    </Td>
  );
}

export function SelectAllHeader({ alerts, selection }: { alerts: AlertDto[]; selection: AlertSelection }) {
  const ids = alerts.map((a) => a.id);
  const n = ids.filter((id) => selection.selected.has(id)).length;
  return (
    <Th className="w-8">
      <input
        type="checkbox"
        className="size-3.5"
        aria-label="Select all alerts in this list"
        checked={n > 0 && n === ids.length}
        ref={(el) => {
          if (el) el.indeterminate = n > 0 && n < ids.length;
        }}
        onChange={(e) => selection.onSetMany(ids, e.target.checked)}
      />
    </Th>
  );
}

/** Incident membership and resolution reason, shown under the title in the queue. */
export function AlertRowExtras({ alert }: { alert: AlertDto }) {
  const a = alert as QueueAlert;
  if (!a.incident && !a.resolutionReason) return null;
  return (
    <span className="ml-2 inline-flex gap-1 align-middle">
      {a.incident && (
        <Link href={`/incidents/${encodeURIComponent(a.incident.key)}`} className="hover:underline">
          <Badge className="border-accent/50 bg-accent/10 text-accent normal-case">{a.incident.key}</Badge>
        </Link>
      )}
      {a.resolutionReason && <Badge className="border-line bg-panel-2 text-muted normal-case">{resolutionLabel(a.resolutionReason)}</Badge>}
    </span>
  );
}
