"use client";

import { ArrowDownWideNarrow, ArrowUpNarrowWide, Search } from "lucide-react";
import { useState, type FormEvent, type Ref } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, Label, Select } from "@/components/ui/input";
import { ALERT_GROUP_BYS, ALERT_SORTS, useAssignableUsers, type AlertFilters } from "@/lib/client/alerts";
import { QUICK_RANGES, resolveTime } from "@/lib/client/time";
import { ALERT_SEVERITIES } from "@/lib/client/types";
import { DEFAULT_FILTERS, activeFilterCount } from "./alert-filters";

const SORT_LABEL: Record<(typeof ALERT_SORTS)[number], string> = {
  lastSeen: "Last seen",
  firstSeen: "First seen",
  severity: "Severity",
  count: "Count",
};
const GROUP_LABEL: Record<(typeof ALERT_GROUP_BYS)[number], string> = {
  rule: "Rule",
  cluster: "Cluster",
  namespace: "Namespace",
  entity: "Entity (pod)",
};

type TextKey = "q" | "rule" | "cluster" | "namespace" | "from" | "to";
const TEXT_KEYS: TextKey[] = ["q", "rule", "cluster", "namespace", "from", "to"];

function pickText(f: AlertFilters): Record<TextKey, string> {
  return { q: f.q, rule: f.rule, cluster: f.cluster, namespace: f.namespace, from: f.from, to: f.to };
}

type Props = {
  filters: AlertFilters;
  onChange: (patch: Partial<AlertFilters>) => void;
  searchRef?: Ref<HTMLInputElement>;
};

/** Text fields apply on Enter ("Apply"); selects and toggles apply at once. */
export function AlertFilterBar({ filters, onChange, searchRef }: Props) {
  const users = useAssignableUsers();
  const [draft, setDraft] = useState(() => pickText(filters));
  const [synced, setSynced] = useState(filters);
  // The URL changed (back button, tab, preset): show what it says.
  if (synced !== filters) {
    setSynced(filters);
    setDraft(pickText(filters));
  }
  const badTime = (["from", "to"] as const).find((k) => draft[k].trim() !== "" && resolveTime(draft[k]) === null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (badTime) return;
    const patch: Partial<AlertFilters> = {};
    for (const k of TEXT_KEYS) patch[k] = draft[k].trim();
    onChange(patch);
  }

  const text = (k: TextKey, label: string, placeholder: string, className = "w-36") => (
    <div className="flex flex-col gap-0.5">
      <Label htmlFor={`alert-filter-${k}`}>{label}</Label>
      <Input
        id={`alert-filter-${k}`}
        value={draft[k]}
        placeholder={placeholder}
        onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
        className={cn("font-mono", className)}
        aria-invalid={badTime === k || undefined}
      />
    </div>
  );

  return (
    <form onSubmit={onSubmit} aria-label="Alert filters" className="flex flex-col gap-2 rounded border border-line bg-panel p-2.5">
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-64 flex-1 flex-col gap-0.5">
          <Label htmlFor="alert-filter-q">Search</Label>
          <div className="relative">
            <Search className="pointer-events-none absolute top-1.5 left-2 size-3.5 text-muted" aria-hidden />
            <Input
              id="alert-filter-q"
              ref={searchRef}
              aria-label="Search alerts"
              value={draft.q}
              placeholder="title, actor, pod…  (press / to focus)"
              onChange={(e) => setDraft({ ...draft, q: e.target.value })}
              onKeyDown={(e) => e.key === "Escape" && e.currentTarget.blur()}
              className="w-full pl-7"
            />
          </div>
        </div>
        {text("rule", "Rule", "rule id")}
        {text("cluster", "Cluster", "prod-eu-1")}
        {text("namespace", "Namespace", "payments")}
        <div className="flex flex-col gap-0.5">
          <Label htmlFor="alert-filter-assignee">Assignee</Label>
          <Select id="alert-filter-assignee" value={filters.assignee} onChange={(e) => onChange({ assignee: e.target.value })} className="w-44">
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.email}
              </option>
            ))}
          </Select>
        </div>
        {text("from", "From", "now-24h", "w-44")}
        {text("to", "To", "now", "w-44")}
        <Button type="submit" variant="primary" disabled={!!badTime}>
          Apply
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <fieldset className="flex items-center gap-1">
          <legend className="sr-only">Severity</legend>
          <span className="mr-1 text-[11px] font-medium tracking-wide text-muted uppercase">Severity</span>
          {ALERT_SEVERITIES.map((s) => {
            const on = filters.severity.includes(s);
            return (
              <button
                key={s}
                type="button"
                aria-pressed={on}
                onClick={() => onChange({ severity: on ? filters.severity.filter((x) => x !== s) : [...filters.severity, s] })}
                className={cn(
                  "h-6 rounded border px-2 font-mono text-[10.5px] uppercase",
                  on ? "border-accent bg-accent/15 text-fg" : "border-line text-muted hover:bg-row-hover",
                )}
              >
                {s}
              </button>
            );
          })}
        </fieldset>
        <div className="flex items-center gap-1">
          <span className="text-[11px] font-medium tracking-wide text-muted uppercase">Range</span>
          {QUICK_RANGES.map((r) => (
            <button
              key={r.from}
              type="button"
              title={r.title}
              aria-pressed={filters.from === r.from && !filters.to}
              onClick={() => onChange({ from: r.from, to: "" })}
              className={cn(
                "h-6 rounded px-1.5 font-mono text-[11px]",
                filters.from === r.from && !filters.to ? "bg-row-active text-fg" : "text-muted hover:bg-row-hover",
              )}
            >
              {r.label}
            </button>
          ))}
        </div>
        <div className="flex items-center gap-1">
          <Label htmlFor="alert-sort">Sort</Label>
          <Select id="alert-sort" value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as AlertFilters["sort"] })}>
            {ALERT_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
          </Select>
          <Button
            size="icon"
            variant="ghost"
            aria-label={filters.order === "desc" ? "Descending; switch to ascending" : "Ascending; switch to descending"}
            onClick={() => onChange({ order: filters.order === "desc" ? "asc" : "desc" })}
          >
            {filters.order === "desc" ? <ArrowDownWideNarrow className="size-4" aria-hidden /> : <ArrowUpNarrowWide className="size-4" aria-hidden />}
          </Button>
        </div>
        <div className="flex items-center gap-1">
          <Label htmlFor="alert-group-by">Group by</Label>
          <Select id="alert-group-by" value={filters.groupBy} onChange={(e) => onChange({ groupBy: e.target.value as AlertFilters["groupBy"] })}>
            <option value="">None</option>
            {ALERT_GROUP_BYS.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABEL[g]}
              </option>
            ))}
          </Select>
        </div>
        {activeFilterCount(filters) > 0 && (
          <Button
            size="xs"
            variant="ghost"
            className="ml-auto"
            onClick={() => onChange({ ...DEFAULT_FILTERS, status: filters.status, sort: filters.sort, order: filters.order, groupBy: filters.groupBy })}
          >
            Clear filters
          </Button>
        )}
        {badTime && <span className="text-[11px] text-danger">“{badTime}” must be ISO-8601 or like now-24h</span>}
      </div>
    </form>
  );
}
