import { ALERT_SEVERITIES, type AlertSeverity } from "@/lib/client/types";
import {
  ALERT_GROUP_BYS,
  ALERT_SORTS,
  type AlertFilters,
  type AlertGroupBy,
  type AlertSort,
  type AlertStatusFilter,
} from "@/lib/client/alerts";

/** Pure URL <-> filter mapping for the alert queue (unit-tested; the queue's state is its URL). */

const STATUSES: AlertStatusFilter[] = ["open", "acknowledged", "resolved", "all"];

export const DEFAULT_FILTERS: AlertFilters = {
  status: "open",
  severity: [],
  rule: "",
  cluster: "",
  namespace: "",
  assignee: "",
  from: "",
  to: "",
  q: "",
  sort: "lastSeen",
  order: "desc",
  groupBy: "",
};

type Params = { get(name: string): string | null };

function pick<T extends string>(v: string | null, allowed: readonly T[], fallback: T): T {
  return v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

export function parseAlertFilters(sp: Params): AlertFilters {
  const str = (k: string) => (sp.get(k) ?? "").trim().slice(0, 500);
  const severity = str("severity")
    .split(",")
    .map((s) => s.trim())
    .filter((s): s is AlertSeverity => (ALERT_SEVERITIES as readonly string[]).includes(s));
  return {
    status: pick(sp.get("status"), STATUSES, DEFAULT_FILTERS.status),
    severity: ALERT_SEVERITIES.filter((s) => severity.includes(s)),
    rule: str("rule"),
    cluster: str("cluster"),
    namespace: str("namespace"),
    assignee: str("assignee"),
    from: str("from"),
    to: str("to"),
    q: str("q"),
    sort: pick<AlertSort>(sp.get("sort"), ALERT_SORTS, DEFAULT_FILTERS.sort),
    order: pick(sp.get("order"), ["asc", "desc"] as const, DEFAULT_FILTERS.order),
    groupBy: pick<AlertGroupBy | "">(sp.get("groupBy"), ["", ...ALERT_GROUP_BYS], ""),
  };
}

/** Only non-default values go into the URL, in a fixed order, so equal views give equal links. */
export function alertFiltersToSearch(f: AlertFilters): string {
  const sp = new URLSearchParams();
  const put = (k: keyof AlertFilters, v: string) => {
    if (v !== "" && v !== String(DEFAULT_FILTERS[k])) sp.set(k, v);
  };
  // status is always written: "open" is the default but a link should say what it shows
  sp.set("status", f.status);
  put("severity", f.severity.join(","));
  put("rule", f.rule);
  put("cluster", f.cluster);
  put("namespace", f.namespace);
  put("assignee", f.assignee);
  put("from", f.from);
  put("to", f.to);
  put("q", f.q);
  put("sort", f.sort);
  put("order", f.order);
  put("groupBy", f.groupBy);
  return sp.toString();
}

export function alertsHref(f: AlertFilters): string {
  return `/alerts?${alertFiltersToSearch(f)}`;
}

/** "My alerts": everything assigned to me that still needs work or was recently closed. */
export function myAlertsFilters(f: AlertFilters): AlertFilters {
  return { ...f, assignee: "me", status: "all" };
}

export function isMyAlerts(f: AlertFilters): boolean {
  return f.assignee === "me";
}

export function activeFilterCount(f: AlertFilters): number {
  return [f.severity.length > 0, f.rule, f.cluster, f.namespace, f.assignee, f.from, f.to, f.q].filter(Boolean).length;
}
