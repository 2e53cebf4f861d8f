"use client";

import type { ReactNode } from "react";
import { Table, Th } from "@/components/ui/table";
import { useTimeZone } from "@/components/ui/use-time-zone";
import type { StoredEvent } from "@/lib/client/types";
import { EventRow } from "./event-row";

type Props = {
  events: StoredEvent[];
  selectedId?: string | null;
  onOpen: (event: StoredEvent) => void;
  empty?: ReactNode;
};

export function EventsTable({ events, selectedId, onOpen, empty }: Props) {
  const tz = useTimeZone();
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[1100px]">
        <thead>
          <tr>
            <Th title="Your browser's time zone">Time{tz ? ` (${tz})` : ""}</Th>
            <Th>Layer</Th>
            <Th>Severity</Th>
            <Th>Cluster</Th>
            <Th>Namespace</Th>
            <Th>Pod</Th>
            <Th>Actor</Th>
            <Th>Verb</Th>
            <Th>Resource</Th>
            <Th className="w-full">Message</Th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <EventRow key={e.id} event={e} selected={e.id === selectedId} onOpen={onOpen} />
          ))}
        </tbody>
      </Table>
      {events.length === 0 && empty}
    </div>
  );
}
