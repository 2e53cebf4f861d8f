"use client";

import { useState, type FormEvent, type ReactNode, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { QueryHelp } from "@/components/search/query-help";
import { QueryInput } from "@/components/search/query-input";
import type { EventSearch } from "@/lib/client/events";
import { resolveTime } from "@/lib/client/time";
import { TimeRangePicker } from "./time-range-picker";

type Props = {
  search: EventSearch;
  onSearch: (next: EventSearch) => void;
  timeZone: string;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  helpOpen: boolean;
  onHelpOpenChange: (open: boolean) => void;
  /** Next to the Search button (saved searches, copy link). */
  actions?: ReactNode;
  /** Right end of the time row (live, refresh). */
  timeActions?: ReactNode;
};

/** Drafts live here until submit; the parent keys this component by the URL state to reset them. */
export function SearchToolbar({ search, onSearch, timeZone, inputRef, invalid, helpOpen, onHelpOpenChange, actions, timeActions }: Props) {
  const [q, setQ] = useState(search.q);
  const [from, setFrom] = useState(search.from);
  const [to, setTo] = useState(search.to);
  const [rangeError, setRangeError] = useState<string | null>(null);

  function submit(next: EventSearch) {
    const f = resolveTime(next.from);
    const t = resolveTime(next.to);
    if (!f || !t) {
      setRangeError("Invalid time: use ISO-8601 (2025-01-31T12:00:00Z) or now, now-15m, now-1h, now-24h, now-7d");
      return;
    }
    if (f.getTime() >= t.getTime()) {
      setRangeError("“From” must be before “To”");
      return;
    }
    setRangeError(null);
    onSearch({ q: next.q.trim(), from: next.from.trim(), to: next.to.trim() });
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    submit({ q, from, to });
  }

  return (
    <form onSubmit={onSubmit} className="flex shrink-0 flex-col gap-2" role="search">
      <div className="flex items-center gap-2">
        <QueryInput value={q} onChange={setQ} inputRef={inputRef} invalid={invalid} errorId={invalid ? "query-error" : undefined} />
        <QueryHelp open={helpOpen} onOpenChange={onHelpOpenChange} />
        <Button type="submit" variant="primary" className="h-8">
          Search
        </Button>
        {actions}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <TimeRangePicker
          from={from}
          to={to}
          onFromChange={setFrom}
          onToChange={setTo}
          activeFrom={search.from}
          activeTo={search.to}
          onQuick={(f) => submit({ q, from: f, to: "now" })}
          onAbsolute={(f, t) => submit({ q, from: f, to: t })}
          timeZone={timeZone}
        />
        <div className="ml-auto flex items-center gap-2">{timeActions}</div>
      </div>
      {rangeError && (
        <p role="alert" className="text-xs text-danger">
          {rangeError}
        </p>
      )}
    </form>
  );
}
