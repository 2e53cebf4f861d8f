"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useUpdateAlertStatus } from "@/lib/client/alerts";
import type { AlertStatus } from "@/lib/client/types";

function ResolveDialog({ open, onOpenChange, pending, onResolve }: { open: boolean; onOpenChange: (o: boolean) => void; pending: boolean; onResolve: (reason: string) => void }) {
  const [reason, setReason] = useState("");

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onResolve(reason.trim());
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Resolve alert" description="Say why this alert is resolved; it is kept in the status history.">
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="resolve-reason">Reason</Label>
          <Textarea
            id="resolve-reason"
            rows={3}
            autoFocus
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="e.g. expected behaviour of the backup job / false positive / fixed RBAC"
          />
        </div>
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={pending}>
            Resolve
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Status buttons for analysts and admins; the page does not render this for viewers. */
export function AlertActions({ alertId, status }: { alertId: string; status: AlertStatus }) {
  const update = useUpdateAlertStatus(alertId);
  const [resolveOpen, setResolveOpen] = useState(false);

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex gap-2">
        {status === "open" && (
          <Button variant="primary" disabled={update.isPending} onClick={() => update.mutate({ status: "acknowledged" })}>
            Acknowledge
          </Button>
        )}
        {status !== "resolved" && (
          <Button disabled={update.isPending} onClick={() => setResolveOpen(true)}>
            Resolve
          </Button>
        )}
        {status === "resolved" && (
          <Button disabled={update.isPending} onClick={() => update.mutate({ status: "open" })}>
            Reopen
          </Button>
        )}
      </div>
      {update.isError && !resolveOpen && <ErrorBox>{errorMessage(update.error)}</ErrorBox>}
      {resolveOpen && (
        <ResolveDialog
          open
          onOpenChange={setResolveOpen}
          pending={update.isPending}
          onResolve={(reason) =>
            update.mutate({ status: "resolved", ...(reason ? { reason } : {}) }, { onSuccess: () => setResolveOpen(false) })
          }
        />
      )}
    </div>
  );
}
