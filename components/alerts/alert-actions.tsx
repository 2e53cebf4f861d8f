"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useUpdateAlertStatus } from "@/lib/client/alerts";
import type { AlertStatus } from "@/lib/client/types";
import { ResolveAlertDialog } from "./resolve-alert-dialog";

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
          <Button
            disabled={update.isPending}
            onClick={() => {
              update.reset();
              setResolveOpen(true);
            }}
          >
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
        <ResolveAlertDialog
          onOpenChange={setResolveOpen}
          pending={update.isPending}
          error={update.isError ? errorMessage(update.error) : null}
          onResolve={(r) => update.mutate({ status: "resolved", ...r }, { onSuccess: () => setResolveOpen(false) })}
        />
      )}
    </div>
  );
}
