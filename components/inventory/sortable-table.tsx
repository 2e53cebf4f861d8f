"use client";

import { ArrowDown, ArrowUp, Search } from "lucide-react";
import { useEffect, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { Table, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import type { ListQuery } from "@/lib/client/inventory";

export type SortColumn = { key: string; label: string; sortable?: boolean; className?: string };

/** Search box + sort state for a server-searched entity list (the box waits 250 ms after typing). */
export function useListQuery(defaultSort: string, defaultOrder: "asc" | "desc" = "asc") {
  const [draft, setDraft] = useState("");
  const [q, setQ] = useState("");
  const [sort, setSort] = useState(defaultSort);
  const [order, setOrder] = useState<"asc" | "desc">(defaultOrder);
  useEffect(() => {
    const t = setTimeout(() => setQ(draft.trim()), 250);
    return () => clearTimeout(t);
  }, [draft]);
  const query: ListQuery = { q, sort, order };
  const toggle = (key: string) => {
    if (key === sort) setOrder(order === "asc" ? "desc" : "asc");
    else {
      setSort(key);
      // Times read best newest first; names and counts A→Z / high→low.
      setOrder(/seen|pods/i.test(key) ? "desc" : "asc");
    }
  };
  return { query, draft, setDraft, toggle };
}

type Props<T> = {
  label: string;
  columns: SortColumn[];
  list: ReturnType<typeof useListQuery>;
  result: { data?: T[]; isPending: boolean; isError: boolean; error: unknown; isFetching: boolean };
  row: (item: T) => ReactNode;
  placeholder: string;
  testId: string;
};

/** A searchable, sortable table of entities (nodes, namespaces, pods). */
export function SortableTable<T>({ label, columns, list, result, row, placeholder, testId }: Props<T>) {
  const { query, draft, setDraft, toggle } = list;
  return (
    <div data-testid={testId}>
      <div className="flex items-center gap-2 border-b border-line px-3 py-1.5">
        <div className="relative w-72 max-w-full">
          <Search className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted" aria-hidden />
          <Input aria-label={`Search ${label}`} placeholder={placeholder} value={draft} onChange={(e) => setDraft(e.target.value)} className="w-full pl-7 font-mono" spellCheck={false} />
        </div>
        {result.isFetching && <Spinner label="Loading" />}
        {result.data && <span className="ml-auto text-[11px] text-muted">{result.data.length} shown</span>}
      </div>
      {result.isError ? (
        <ErrorBox className="m-3">{errorMessage(result.error)}</ErrorBox>
      ) : result.isPending ? (
        <Spinner className="p-3" label={`Loading ${label}`} />
      ) : !result.data?.length ? (
        <EmptyState>{query.q ? `No ${label} match “${query.q}”.` : `No ${label}.`}</EmptyState>
      ) : (
        <div className="max-h-[28rem] overflow-auto">
          <Table>
            <thead>
              <tr>
                {columns.map((c) => {
                  const active = query.sort === c.key;
                  return (
                    <Th key={c.key} className={c.className} aria-sort={active ? (query.order === "asc" ? "ascending" : "descending") : undefined}>
                      {c.sortable === false ? (
                        c.label
                      ) : (
                        <button type="button" onClick={() => toggle(c.key)} className={cn("inline-flex items-center gap-1 uppercase hover:text-fg", active && "text-fg")}>
                          {c.label}
                          {active && (query.order === "asc" ? <ArrowUp className="size-3" aria-hidden /> : <ArrowDown className="size-3" aria-hidden />)}
                        </button>
                      )}
                    </Th>
                  );
                })}
              </tr>
            </thead>
            <tbody>{result.data.map(row)}</tbody>
          </Table>
        </div>
      )}
    </div>
  );
}
