"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Label, Textarea } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { formatTsZone } from "@/lib/client/format";
import type { UserRef } from "@/lib/client/types";
import { SafeMarkdown } from "./safe-markdown";

/** `context` says where a note was written (e.g. "alert #12") when a list mixes sources. */
export type NoteView = { id: string | number; author: UserRef | null; body: string; createdAt: string; context?: string };

export function NotesList({ notes, empty = "No notes yet." }: { notes: NoteView[]; empty?: string }) {
  if (notes.length === 0) return <p className="text-xs text-muted">{empty}</p>;
  return (
    <ul className="flex flex-col" data-testid="notes">
      {notes.map((n) => (
        <li key={n.id} className="border-b border-line/60 py-2 last:border-b-0">
          <div className="mb-1 flex flex-wrap gap-2 text-[11px] text-muted">
            <span className="font-mono text-fg">{n.author?.email ?? "system"}</span>
            {n.context && <span>on {n.context}</span>}
            <time dateTime={n.createdAt} className="ml-auto font-mono">
              {formatTsZone(n.createdAt)}
            </time>
          </div>
          <SafeMarkdown source={n.body} />
        </li>
      ))}
    </ul>
  );
}

/** Markdown source in, rendered safely by NotesList; the form clears only once the note is stored. */
export function NoteForm({ id, pending, error, onAdd }: { id: string; pending: boolean; error: unknown; onAdd: (body: string, done: () => void) => void }) {
  const [body, setBody] = useState("");
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (body.trim()) onAdd(body, () => setBody(""));
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-1.5 border-t border-line pt-2" aria-label="Add note">
      <Label htmlFor={id}>Note</Label>
      <Textarea id={id} rows={3} maxLength={20_000} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Markdown: **bold**, `code`, [link](https://…), lists" />
      {error ? <ErrorBox>{errorMessage(error)}</ErrorBox> : null}
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={pending || !body.trim()}>
          Add note
        </Button>
      </div>
    </form>
  );
}
