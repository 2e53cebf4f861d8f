"use client";

import type { KeyboardEvent } from "react";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { formatTs } from "@/lib/client/format";
import type { QuarantineRecord } from "@/lib/client/ingest";

/** Same keys as the event timeline: arrows / j,k move between rows; Enter or Space opens. */
function onRowKeyDown(e: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  const move = (el: Element | null) => {
    if (el instanceof HTMLElement && el.dataset.testid === "quarantine-row") {
      e.preventDefault();
      el.focus();
    }
  };
  switch (e.key) {
    case "Enter":
    case " ":
      e.preventDefault();
      open();
      break;
    case "ArrowDown":
    case "j":
      move(e.currentTarget.nextElementSibling);
      break;
    case "ArrowUp":
    case "k":
      move(e.currentTarget.previousElementSibling);
      break;
  }
}

type Props = {
  records: QuarantineRecord[];
  tokenLabel: (r: QuarantineRecord) => string;
  selectedId: string | null;
  onOpen: (r: QuarantineRecord) => void;
};

export function QuarantineTable({ records, tokenLabel, selectedId, onOpen }: Props) {
  const tz = useTimeZone();
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[900px]">
        <thead>
          <tr>
            <Th title="Your browser's time zone">Received{tz ? ` (${tz})` : ""}</Th>
            <Th>Token</Th>
            <Th>Cluster</Th>
            <Th>Source</Th>
            <Th className="text-right" title="Position of the record inside its batch">
              Record #
            </Th>
            <Th className="w-full">Reason</Th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => {
            const open = () => onOpen(r);
            return (
              <tr
                key={r.id}
                data-testid="quarantine-row"
                data-record-id={r.id}
                tabIndex={0}
                data-selected={r.id === selectedId || undefined}
                onClick={open}
                onKeyDown={(e) => onRowKeyDown(e, open)}
                className="cursor-pointer outline-none hover:bg-row-hover focus-visible:bg-row-active focus-visible:ring-1 focus-visible:ring-accent focus-visible:ring-inset data-selected:bg-row-active"
              >
                <Td className="font-mono whitespace-nowrap text-muted tabular-nums">
                  <time dateTime={r.receivedAt}>{formatTs(r.receivedAt)}</time>
                </Td>
                <TextCell value={tokenLabel(r)} mono={false} className="max-w-[12rem]" />
                <TextCell value={r.cluster} className="max-w-[10rem]" />
                <Td className="font-mono whitespace-nowrap">{r.source}</Td>
                <Td className="text-right font-mono tabular-nums">{r.recordIndex}</Td>
                <Td className="max-w-0 w-full truncate font-mono text-amber-700 dark:text-amber-300" title={r.reason}>
                  {r.reason}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
