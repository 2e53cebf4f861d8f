"use client";

import { useState } from "react";
import { EventDrawer } from "@/components/events/event-drawer";
import { EventsTable } from "@/components/events/events-table";
import { EmptyState } from "@/components/ui/states";
import type { StoredEvent } from "@/lib/client/types";

export function AlertEvents({ events }: { events: StoredEvent[] }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const selected = openId ? events.find((e) => e.id === openId) : undefined;
  return (
    <>
      <EventsTable
        events={events}
        selectedId={openId}
        onOpen={(e) => setOpenId(e.id)}
        empty={<EmptyState>No linked events.</EmptyState>}
      />
      <EventDrawer eventId={openId} initial={selected} onClose={() => setOpenId(null)} />
    </>
  );
}
