"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label, Select } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { useAssignableUsers } from "@/lib/client/alerts";

const NONE = "__none__";

/** A select of the users who can triage; value "" = not chosen, null = unassigned. */
export function AssigneeSelect({
  id,
  value,
  onChange,
  disabled,
  allowNone = true,
  className,
}: {
  id: string;
  value: string | null | undefined;
  onChange: (userId: string | null) => void;
  disabled?: boolean;
  allowNone?: boolean;
  className?: string;
}) {
  const users = useAssignableUsers();
  return (
    <Select
      id={id}
      className={className}
      disabled={disabled || users.isPending}
      value={value === null ? NONE : (value ?? "")}
      onChange={(e) => onChange(e.target.value === NONE ? null : e.target.value)}
    >
      <option value="" disabled>
        {users.isPending ? "Loading…" : "Choose a person…"}
      </option>
      {allowNone && <option value={NONE}>Unassigned</option>}
      {(users.data ?? []).map((u) => (
        <option key={u.id} value={u.id}>
          {u.email}
          {u.name ? ` (${u.name})` : ""}
        </option>
      ))}
    </Select>
  );
}

/** Bulk "Assign…": pick one person (or nobody) for every selected alert. */
export function AssignDialog({
  count,
  pending,
  error,
  onOpenChange,
  onAssign,
}: {
  count: number;
  pending: boolean;
  error?: string | null;
  onOpenChange: (open: boolean) => void;
  onAssign: (userId: string | null) => void;
}) {
  const [choice, setChoice] = useState<string | null | undefined>(undefined);
  return (
    <Dialog open onOpenChange={onOpenChange} title={`Assign ${count} alert${count === 1 ? "" : "s"}`}>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (choice !== undefined) onAssign(choice);
        }}
      >
        <div className="flex flex-col gap-1">
          <Label htmlFor="bulk-assignee">Assignee</Label>
          <AssigneeSelect id="bulk-assignee" value={choice} onChange={setChoice} />
        </div>
        {error && <ErrorBox>{error}</ErrorBox>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={pending || choice === undefined}>
            Assign
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
