"use client";

import { Pin } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { PinDialog } from "./pin-dialog";

/**
 * "Pin to incident" for one event (e.g. in the timeline's event drawer).
 * `eventTs` is the event's exact ISO time as the API returned it (microseconds
 * kept): events are partitioned by time, so id + ts identify one.
 */
export function PinToIncidentButton({ eventId, eventTs, className }: { eventId: string; eventTs: string; className?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" className={className} onClick={() => setOpen(true)}>
        <Pin className="size-3.5" aria-hidden />
        Pin to incident
      </Button>
      {open && <PinDialog title="Pin event to an incident" evidence={{ kind: "event", eventId, eventTs }} onOpenChange={setOpen} />}
    </>
  );
}
