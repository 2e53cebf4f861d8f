"use client";

import { UserRoundCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useUpdateAlert } from "@/lib/client/alerts";
import { useMe } from "@/lib/client/auth";
import type { UserRef } from "@/lib/client/types";
import { AssigneeSelect } from "./assignee-picker";

/** "Assign to me" plus a picker; every change lands in the alert's history. */
export function AlertAssignControl({ alertId, assignee }: { alertId: string; assignee: UserRef | null }) {
  const update = useUpdateAlert(alertId);
  const me = useMe();
  const mine = !!me.data && assignee?.id === me.data.id;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-0.5">
          <Label htmlFor="alert-assignee">Assignee</Label>
          <AssigneeSelect
            id="alert-assignee"
            className="w-56"
            value={assignee?.id ?? null}
            disabled={update.isPending}
            onChange={(id) => id !== (assignee?.id ?? null) && update.mutate({ assigneeId: id })}
          />
        </div>
        {!mine && (
          <Button disabled={update.isPending} onClick={() => update.mutate({ assigneeId: "me" })}>
            <UserRoundCheck className="size-3.5" aria-hidden />
            Assign to me
          </Button>
        )}
      </div>
      {update.isError && <ErrorBox>{errorMessage(update.error)}</ErrorBox>}
    </div>
  );
}
