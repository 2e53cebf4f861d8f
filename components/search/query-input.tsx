"use client";

import { Search } from "lucide-react";
import { useId, useMemo, useState, type KeyboardEvent, type Ref } from "react";
import { cn } from "@/components/ui/cn";
import { applySuggestion, suggest, type SuggestionResult } from "./suggestions";

type Props = {
  value: string;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  invalid?: boolean;
  errorId?: string;
};

const NONE: SuggestionResult = { start: 0, end: 0, items: [] };

/**
 * The search box with field/value autocomplete. Arrow keys pick a suggestion,
 * Tab or Enter accepts the picked one; without a pick, Enter runs the search.
 */
export function QueryInput({ value, onChange, inputRef, invalid, errorId }: Props) {
  const listId = useId();
  const [cursor, setCursor] = useState<number | null>(null);
  const [active, setActive] = useState(-1);
  const [dismissed, setDismissed] = useState(false);

  const result = useMemo(() => (cursor === null || dismissed ? NONE : suggest(value, cursor)), [value, cursor, dismissed]);
  const open = result.items.length > 0;

  function accept(index: number, input: HTMLInputElement) {
    const s = result.items[index];
    if (!s) return;
    const next = applySuggestion(value, result, s);
    onChange(next.text);
    setCursor(next.cursor);
    setActive(-1);
    requestAnimationFrame(() => input.setSelectionRange(next.cursor, next.cursor));
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = result.items.length;
      setActive((i) => (e.key === "ArrowDown" ? (i + 1) % n : (i - 1 + n) % n));
    } else if ((e.key === "Enter" && active >= 0) || (e.key === "Tab" && !e.shiftKey)) {
      e.preventDefault();
      accept(active >= 0 ? active : 0, e.currentTarget);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      setDismissed(true);
    }
  }

  return (
    <div className="relative min-w-0 flex-1">
      <Search className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-muted" aria-hidden />
      <input
        ref={inputRef}
        aria-label="Search query"
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={errorId}
        placeholder='Search events, e.g. verb:delete AND resource:secrets   ("/" to focus, "?" for help)'
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setCursor(e.target.selectionStart);
          setActive(-1);
          setDismissed(false);
        }}
        onSelect={(e) => setCursor(e.currentTarget.selectionStart)}
        onBlur={() => setCursor(null)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
        className={cn(
          "h-8 w-full rounded border border-line bg-panel pr-2 pl-7 font-mono text-xs text-fg placeholder:text-muted/70 focus:border-accent focus:outline-none",
          invalid && "border-danger/70",
        )}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Suggestions" className="absolute top-full left-0 z-30 mt-1 w-96 max-w-full overflow-hidden rounded border border-line bg-panel py-1 shadow-xl">
          {result.items.map((s, i) => (
            <li
              key={s.insert}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: it must run before the input's blur clears the list
              onMouseDown={(e) => {
                e.preventDefault();
                const input = e.currentTarget.closest("div")?.querySelector("input");
                if (input) accept(i, input);
              }}
              className={cn("flex cursor-pointer items-baseline gap-3 px-2 py-1 text-xs", i === active ? "bg-row-active" : "hover:bg-row-hover")}
            >
              <span className="font-mono">{s.label}</span>
              <span className="truncate text-muted">{s.description}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
