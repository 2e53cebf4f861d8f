"use client";

import { useState } from "react";
import { SafeMarkdown } from "@/components/alerts/safe-markdown";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useUpdateIncident } from "@/lib/client/incidents";

/** The incident's running summary (Markdown), edited in place. */
export function IncidentSummaryPanel({ incidentKey, summary, canEdit }: { incidentKey: string; summary: string; canEdit: boolean }) {
  const update = useUpdateIncident(incidentKey);
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    return (
      <form
        className="flex flex-col gap-1.5 p-3"
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate({ summary: draft }, { onSuccess: () => setDraft(null) });
        }}
      >
        <Label htmlFor="incident-summary">Summary</Label>
        <Textarea id="incident-summary" rows={5} maxLength={20_000} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
        {update.isError && <ErrorBox>{errorMessage(update.error)}</ErrorBox>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => setDraft(null)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={update.isPending || draft === summary}>
            Save summary
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="flex items-start gap-2 p-3">
      {summary ? <SafeMarkdown source={summary} className="flex-1" /> : <p className="flex-1 text-xs text-muted">No summary yet.</p>}
      {canEdit && (
        <Button size="xs" variant="ghost" onClick={() => setDraft(summary)}>
          Edit summary
        </Button>
      )}
    </div>
  );
}
