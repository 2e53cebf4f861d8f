"use client";

import { Pin } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { resolveTime } from "@/lib/client/time";
import { PinDialog } from "./pin-dialog";

/**
 * "Attach to incident" for a search (query + range). Relative ranges are
 * resolved when the button is pressed, so the evidence keeps the window the
 * analyst was looking at.
 */
export function PinSearchButton({ query, from, to, savedSearchId, className }: { query: string; from: string; to: string; savedSearchId?: string; className?: string }) {
  const [window, setWindow] = useState<{ from: string; to: string } | null>(null);
  function openDialog() {
    const f = resolveTime(from);
    const t = resolveTime(to);
    if (f && t) setWindow({ from: f.toISOString(), to: t.toISOString() });
  }
  return (
    <>
      <Button size="xs" className={className} onClick={openDialog}>
        <Pin className="size-3.5" aria-hidden />
        Attach to incident
      </Button>
      {window && (
        <PinDialog
          title="Attach search to an incident"
          evidence={{ kind: "search", query, ...window, ...(savedSearchId ? { savedSearchId } : {}) }}
          onOpenChange={(o) => !o && setWindow(null)}
        />
      )}
    </>
  );
}
