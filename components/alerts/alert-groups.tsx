"use client";

import { Filter } from "lucide-react";
import Link from "next/link";
import type { AlertFilters, AlertGroup, AlertGroupBy, QueueAlert } from "@/lib/client/alerts";
import { formatNumber } from "@/lib/client/format";
import { alertsHref } from "./alert-filters";
import type { AlertSelection } from "./alert-row-selection";
import { AlertsTable } from "./alerts-table";

export type AlertSection = { group: AlertGroup; alerts: QueueAlert[] };

/**
 * Buckets the loaded alerts under the server's groups (counts cover the whole
 * filtered set, not just the loaded page), in the server's order (largest first).
 */
export function groupSections(alerts: QueueAlert[], groups: AlertGroup[]): AlertSection[] {
  const byKey = new Map<string, QueueAlert[]>();
  for (const a of alerts) {
    const k = a.groupKey ?? "";
    byKey.set(k, [...(byKey.get(k) ?? []), a]);
  }
  const sections = groups.map((g) => ({ group: g, alerts: byKey.get(g.key) ?? [] }));
  const known = new Set(groups.map((g) => g.key));
  const rest = alerts.filter((a) => !known.has(a.groupKey ?? ""));
  if (rest.length > 0) {
    sections.push({ group: { key: "", label: "Other", count: rest.length, openCount: rest.filter((a) => a.status === "open").length }, alerts: rest });
  }
  return sections;
}

/** Narrow the queue to one group (the entity group narrows to its namespace: pods are not a filter). */
function groupFilter(by: AlertGroupBy, key: string): Partial<AlertFilters> | null {
  if (!key) return null;
  const [cluster, namespace] = key.split("/");
  switch (by) {
    case "rule":
      return { rule: key, groupBy: "" };
    case "cluster":
      return { cluster: key, groupBy: "" };
    case "namespace":
      return namespace ? { cluster, namespace, groupBy: "" } : { cluster, groupBy: "" };
    case "entity":
      return namespace ? { cluster, namespace, groupBy: "entity" } : { cluster, groupBy: "entity" };
  }
}

export function AlertGroups({
  sections,
  by,
  filters,
  selection,
}: {
  sections: AlertSection[];
  by: AlertGroupBy;
  filters: AlertFilters;
  selection: AlertSelection;
}) {
  return (
    <div className="flex flex-col">
      {sections.map(({ group, alerts }) => {
        const narrow = groupFilter(by, group.key);
        return (
          <section key={group.key || "__other"} aria-label={`Group ${group.label}`} data-testid="alert-group" className="border-b border-line last:border-b-0">
            <header className="flex items-center gap-2 bg-panel-2 px-3 py-1.5 text-xs">
              <h3 className="truncate font-semibold" title={group.label}>
                {group.label || "—"}
              </h3>
              <span className="font-mono text-muted tabular-nums" data-testid="alert-group-count">
                {formatNumber(group.count)}
              </span>
              {group.openCount > 0 && <span className="font-mono text-[11px] text-red-600 tabular-nums dark:text-red-300">{formatNumber(group.openCount)} open</span>}
              {alerts.length < group.count && <span className="text-[11px] text-muted">({formatNumber(alerts.length)} loaded)</span>}
              {narrow && (
                <Link href={alertsHref({ ...filters, ...narrow })} className="ml-auto inline-flex items-center gap-1 text-[11px] text-accent hover:underline">
                  <Filter className="size-3" aria-hidden />
                  Only this group
                </Link>
              )}
            </header>
            {alerts.length > 0 && <AlertsTable alerts={alerts} selection={selection} />}
          </section>
        );
      })}
    </div>
  );
}
