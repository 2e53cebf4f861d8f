"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import type { EventSearch } from "@/lib/client/events";
import { useCreateSavedSearch } from "@/lib/client/searches";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  search: EventSearch;
  columns: string[] | null;
  onSaved?: (name: string) => void;
};

/** Saves the current query, range and columns under a name, privately or for the whole team. */
export function SaveSearchDialog({ open, onOpenChange, search, columns, onSaved }: Props) {
  const create = useCreateSavedSearch();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    create.mutate(
      { name: trimmed, query: search.q, from: search.from, to: search.to, shared, ...(columns ? { columns } : {}) },
      {
        onSuccess: () => {
          onSaved?.(trimmed);
          setName("");
          setShared(false);
          onOpenChange(false);
        },
      },
    );
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Save search" description="The query, time range and columns, under a name.">
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="saved-search-name">Name</Label>
          <Input id="saved-search-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required autoFocus />
        </div>
        <dl className="grid grid-cols-[4rem_1fr] gap-x-2 gap-y-1 rounded border border-line bg-panel-2 p-2 text-xs">
          <dt className="text-muted">Query</dt>
          <dd className="font-mono break-all">{search.q || <span className="text-muted">(everything)</span>}</dd>
          <dt className="text-muted">Range</dt>
          <dd className="font-mono">
            {search.from} → {search.to}
          </dd>
        </dl>
        <label className="flex items-center gap-2 text-xs">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          Share with team
        </label>
        {create.isError && <ErrorBox>{errorMessage(create.error)}</ErrorBox>}
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
            {create.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
