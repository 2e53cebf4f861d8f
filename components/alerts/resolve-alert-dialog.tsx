"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Label, Select, Textarea } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { RESOLUTION_REASONS, type ResolutionReason } from "@/lib/client/alerts";

export type Resolution = { resolutionReason: ResolutionReason; reason?: string };

type Props = {
  onOpenChange: (open: boolean) => void;
  pending: boolean;
  error?: string | null;
  /** e.g. "Resolve 3 alerts" for a bulk action */
  title?: string;
  onResolve: (r: Resolution) => void;
};

/** Resolution needs a reason category (kept on the alert and in its history) and optionally a free text. */
export function ResolveAlertDialog({ onOpenChange, pending, error, title = "Resolve alert", onResolve }: Props) {
  const [category, setCategory] = useState<ResolutionReason | "">("");
  const [text, setText] = useState("");

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!category) return;
    const reason = text.trim();
    onResolve({ resolutionReason: category, ...(reason ? { reason } : {}) });
  }

  return (
    <Dialog open onOpenChange={onOpenChange} title={title} description="Say why; the reason is kept in the status history.">
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="resolution-reason">Resolution</Label>
          <Select
            id="resolution-reason"
            required
            autoFocus
            value={category}
            onChange={(e) => setCategory(e.target.value as ResolutionReason | "")}
          >
            <option value="" disabled>
              Choose…
            </option>
            {RESOLUTION_REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="resolve-reason">Reason</Label>
          <Textarea
            id="resolve-reason"
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. expected behaviour of the backup job / fixed RBAC"
          />
        </div>
        {error && <ErrorBox>{error}</ErrorBox>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={pending || !category}>
            Resolve
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
