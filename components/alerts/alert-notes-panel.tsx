"use client";

import { useAddAlertNote, type AlertNote } from "@/lib/client/alerts";
import { NoteForm, NotesList } from "./alert-notes";

export function AlertNotesPanel({ alertId, notes, canWrite }: { alertId: string; notes: AlertNote[]; canWrite: boolean }) {
  const add = useAddAlertNote(alertId);
  return (
    <div className="flex flex-col gap-2 px-3 py-2">
      <NotesList notes={notes} />
      {canWrite && <NoteForm id="alert-note" pending={add.isPending} error={add.error} onAdd={(body, done) => add.mutate(body, { onSuccess: done })} />}
    </div>
  );
}
