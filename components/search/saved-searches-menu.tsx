"use client";

import { Bookmark, History, Plus, Share2, Trash2, Users } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import type { RecentSearch } from "@/lib/client/recent-searches";
import type { SavedSearch } from "@/lib/client/search-types";
import { useDeleteSavedSearch, useSavedSearches, useUpdateSavedSearch } from "@/lib/client/searches";
import { Popover } from "./popover";

export type AppliedSearch = { q: string; from: string; to: string; columns?: string[] | null };

type Props = {
  recent: RecentSearch[];
  onApply: (s: AppliedSearch) => void;
  onSaveCurrent: () => void;
};

function SavedRow({ s, onApply }: { s: SavedSearch; onApply: () => void }) {
  const update = useUpdateSavedSearch();
  const remove = useDeleteSavedSearch();
  return (
    <li className="group flex items-center gap-1 rounded hover:bg-row-hover" data-testid="saved-search">
      <button type="button" onClick={onApply} className="flex min-w-0 flex-1 flex-col px-2 py-1 text-left" title={s.query || "(everything)"}>
        <span className="flex items-center gap-1.5 truncate font-medium">
          {s.name}
          {s.shared && <Users className="size-3 shrink-0 text-muted" aria-label="shared with the team" />}
        </span>
        <span className="truncate font-mono text-[10.5px] text-muted">
          {s.query || "(everything)"} · {s.from} → {s.to}
          {!s.mine && ` · ${s.owner.email}`}
        </span>
      </button>
      {s.mine && (
        <>
          <button
            type="button"
            aria-label={s.shared ? `Stop sharing ${s.name}` : `Share ${s.name} with the team`}
            title={s.shared ? "Make private" : "Share with the team"}
            disabled={update.isPending}
            onClick={() => update.mutate({ id: s.id, shared: !s.shared })}
            className={cn("rounded p-1 text-muted opacity-0 group-hover:opacity-100 hover:text-fg focus-visible:opacity-100", s.shared && "text-accent")}
          >
            <Share2 className="size-3.5" aria-hidden />
          </button>
          <button
            type="button"
            aria-label={`Delete saved search ${s.name}`}
            title="Delete"
            disabled={remove.isPending}
            onClick={() => remove.mutate(s.id)}
            className="rounded p-1 text-muted opacity-0 group-hover:opacity-100 hover:text-danger focus-visible:opacity-100"
          >
            <Trash2 className="size-3.5" aria-hidden />
          </button>
        </>
      )}
    </li>
  );
}

function SavedList({ title, list, onApply }: { title: string; list: SavedSearch[]; onApply: (s: AppliedSearch) => void }) {
  return (
    <section className="mb-2">
      <h3 className="px-2 py-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">{title}</h3>
      {list.length === 0 ? (
        <p className="px-2 text-muted">None yet.</p>
      ) : (
        <ul>
          {list.map((s) => (
            <SavedRow key={s.id} s={s} onApply={() => onApply({ q: s.query, from: s.from, to: s.to, columns: s.columns })} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Saved searches (mine and the team's) and this browser's recent searches, in one menu. */
export function SavedSearchesMenu({ recent, onApply, onSaveCurrent }: Props) {
  const [open, setOpen] = useState(false);
  const saved = useSavedSearches({ enabled: open });
  const apply = (s: AppliedSearch) => {
    setOpen(false);
    onApply(s);
  };
  const mine = saved.data?.filter((s) => s.mine) ?? [];
  const team = saved.data?.filter((s) => !s.mine) ?? [];

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="Saved and recent searches"
      className="w-[28rem] max-w-[calc(100vw-2rem)] p-2 text-xs"
      trigger={
        <Button className="h-8">
          <Bookmark className="size-3.5" aria-hidden />
          Saved searches
        </Button>
      }
    >
      <Button
        variant="primary"
        className="mb-2 w-full justify-center"
        onClick={() => {
          setOpen(false);
          onSaveCurrent();
        }}
      >
        <Plus className="size-3.5" aria-hidden />
        Save current search…
      </Button>
      {saved.isPending ? (
        <Spinner className="p-2" label="Loading saved searches" />
      ) : saved.isError ? (
        <ErrorBox>{errorMessage(saved.error)}</ErrorBox>
      ) : (
        <>
          <SavedList title="Mine" list={mine} onApply={apply} />
          <SavedList title="Shared by the team" list={team} onApply={apply} />
        </>
      )}
      <section>
        <h3 className="flex items-center gap-1 px-2 py-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">
          <History className="size-3" aria-hidden /> Recent
        </h3>
        {recent.length === 0 ? (
          <p className="px-2 text-muted">Searches you run appear here.</p>
        ) : (
          <ul>
            {recent.map((r) => (
              <li key={`${r.q}\u0000${r.from}\u0000${r.to}`}>
                <button type="button" onClick={() => apply(r)} data-testid="recent-search" className="flex w-full min-w-0 gap-2 rounded px-2 py-1 text-left hover:bg-row-hover">
                  <span className="min-w-0 flex-1 truncate font-mono">{r.q}</span>
                  <span className="shrink-0 font-mono text-[10.5px] text-muted">
                    {r.from} → {r.to}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Popover>
  );
}
