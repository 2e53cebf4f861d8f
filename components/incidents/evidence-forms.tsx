"use client";

import { useState, type FormEvent } from "react";
import { NoteForm } from "@/components/alerts/alert-notes";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useAddEvidence, type NewEvidence } from "@/lib/client/incidents";
import { useSavedSearches } from "@/lib/client/searches";
import { resolveTime } from "@/lib/client/time";

/** Evidence windows are stored absolute: "now-1h" typed today must show the same events next week. */
function absoluteWindow(from: string, to: string): { from: string; to: string } | null {
  const f = resolveTime(from);
  const t = resolveTime(to);
  return f && t ? { from: f.toISOString(), to: t.toISOString() } : null;
}

function SearchForm({ pending, onAdd }: { pending: boolean; onAdd: (e: NewEvidence, done: () => void) => void }) {
  const [query, setQuery] = useState("");
  const [from, setFrom] = useState("now-1h");
  const [to, setTo] = useState("now");
  const window = absoluteWindow(from, to);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (window) onAdd({ kind: "search", query: query.trim(), ...window }, () => setQuery(""));
  }
  return (
    <form onSubmit={onSubmit} aria-label="Attach search" className="flex flex-wrap items-end gap-2">
      <div className="flex min-w-64 flex-1 flex-col gap-0.5">
        <Label htmlFor="evidence-query">Search query</Label>
        <Input id="evidence-query" value={query} onChange={(e) => setQuery(e.target.value)} placeholder='pod:"api-7d9f" AND verb:create' className="font-mono" />
      </div>
      <div className="flex flex-col gap-0.5">
        <Label htmlFor="evidence-from">From</Label>
        <Input id="evidence-from" value={from} onChange={(e) => setFrom(e.target.value)} className="w-44 font-mono" aria-invalid={!resolveTime(from) || undefined} />
      </div>
      <div className="flex flex-col gap-0.5">
        <Label htmlFor="evidence-to">To</Label>
        <Input id="evidence-to" value={to} onChange={(e) => setTo(e.target.value)} className="w-44 font-mono" aria-invalid={!resolveTime(to) || undefined} />
      </div>
      <Button type="submit" disabled={pending || !window}>
        Attach search
      </Button>
    </form>
  );
}

function SavedSearchForm({ pending, onAdd }: { pending: boolean; onAdd: (e: NewEvidence, done: () => void) => void }) {
  const saved = useSavedSearches();
  const [id, setId] = useState("");
  const pick = saved.data?.find((s) => s.id === id);
  if (!saved.data || saved.data.length === 0) return null;
  return (
    <form
      aria-label="Attach saved search"
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const w = pick && absoluteWindow(pick.from, pick.to);
        if (pick && w) onAdd({ kind: "search", query: pick.query, ...w, savedSearchId: pick.id }, () => setId(""));
      }}
    >
      <div className="flex min-w-64 flex-1 flex-col gap-0.5">
        <Label htmlFor="evidence-saved">Saved search</Label>
        <Select id="evidence-saved" value={id} onChange={(e) => setId(e.target.value)}>
          <option value="" disabled>
            Choose…
          </option>
          {saved.data.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} — {s.query || "(all events)"} ({s.from} → {s.to})
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" disabled={pending || !pick}>
        Attach saved search
      </Button>
    </form>
  );
}

/** Adding evidence by hand: a note, a search, a saved search. Events are pinned from the timeline. */
export function EvidenceForms({ incidentKey }: { incidentKey: string }) {
  const add = useAddEvidence();
  const submit = (evidence: NewEvidence, done: () => void) => add.mutate({ key: incidentKey, evidence }, { onSuccess: done });
  return (
    <div className="flex flex-col gap-3 border-t border-line px-3 py-3">
      <SearchForm pending={add.isPending} onAdd={submit} />
      <SavedSearchForm pending={add.isPending} onAdd={submit} />
      <NoteForm id="incident-note" pending={add.isPending} error={null} onAdd={(body, done) => submit({ kind: "note", body }, done)} />
      {add.isError && <ErrorBox>{errorMessage(add.error)}</ErrorBox>}
    </div>
  );
}
