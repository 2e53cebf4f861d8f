"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label, Select } from "@/components/ui/input";
import { ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { incidentHref, useAddEvidence, useIncidents, type NewEvidence } from "@/lib/client/incidents";

/** Pick an open incident and pin `evidence` to it. */
export function PinDialog({ title, evidence, onOpenChange }: { title: string; evidence: NewEvidence; onOpenChange: (open: boolean) => void }) {
  const incidents = useIncidents();
  const add = useAddEvidence();
  const [key, setKey] = useState("");
  const [pinned, setPinned] = useState<string | null>(null);
  const open = (incidents.data ?? []).filter((i) => i.status !== "resolved");

  return (
    <Dialog open onOpenChange={onOpenChange} title={title}>
      {pinned ? (
        <p role="status" className="text-xs">
          Pinned to{" "}
          <Link href={incidentHref(pinned)} className="font-mono text-accent hover:underline">
            {pinned}
          </Link>
          .
        </p>
      ) : incidents.isPending ? (
        <Spinner label="Loading incidents" />
      ) : open.length === 0 ? (
        <p className="text-xs text-muted">
          No open incident. Create one from alerts on the{" "}
          <Link href="/incidents" className="text-accent hover:underline">
            incidents page
          </Link>
          .
        </p>
      ) : (
        <form
          className="flex flex-col gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (key) add.mutate({ key, evidence }, { onSuccess: () => setPinned(key) });
          }}
        >
          <div className="flex flex-col gap-1">
            <Label htmlFor="pin-incident">Incident</Label>
            <Select id="pin-incident" value={key} onChange={(e) => setKey(e.target.value)} autoFocus>
              <option value="" disabled>
                Choose…
              </option>
              {open.map((i) => (
                <option key={i.key} value={i.key}>
                  {i.key} · {i.title}
                </option>
              ))}
            </Select>
          </div>
          {add.isError && <ErrorBox>{errorMessage(add.error)}</ErrorBox>}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" disabled={!key || add.isPending}>
              Pin
            </Button>
          </div>
        </form>
      )}
      {incidents.isError && <ErrorBox>{errorMessage(incidents.error)}</ErrorBox>}
    </Dialog>
  );
}
