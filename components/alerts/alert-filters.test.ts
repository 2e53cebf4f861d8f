import { describe, expect, it } from "vitest";
import { parseQuery } from "@/lib/search/query/parse";
import { DEFAULT_FILTERS, alertFiltersToSearch, alertsHref, myAlertsFilters, parseAlertFilters } from "./alert-filters";
import { entityContextQuery, eventsSearchHref, fieldTerm, windowAround } from "./context-query";

const parse = (s: string) => parseAlertFilters(new URLSearchParams(s));

describe("alert queue URL state", () => {
  it("defaults to open alerts, newest first, ungrouped", () => {
    expect(parse("")).toEqual(DEFAULT_FILTERS);
  });

  it("round-trips every filter through the URL", () => {
    const f = {
      ...DEFAULT_FILTERS,
      status: "acknowledged" as const,
      severity: ["high" as const, "critical" as const],
      rule: "k8s.exec-into-pod",
      cluster: "prod-eu-1",
      namespace: "payments",
      assignee: "me",
      from: "now-24h",
      to: "2026-01-02T03:04:05.000Z",
      q: "mallory",
      sort: "severity" as const,
      order: "asc" as const,
      groupBy: "namespace" as const,
    };
    expect(parse(alertFiltersToSearch(f))).toEqual(f);
  });

  it("drops unknown values instead of passing them to the API", () => {
    const f = parse("status=bogus&severity=high,nope,low&sort=drop%20table&order=sideways&groupBy=pod");
    expect(f.status).toBe("open");
    expect(f.severity).toEqual(["low", "high"]);
    expect(f.sort).toBe("lastSeen");
    expect(f.order).toBe("desc");
    expect(f.groupBy).toBe("");
  });

  it("writes only non-default values, so equal views are equal links", () => {
    expect(alertsHref(DEFAULT_FILTERS)).toBe("/alerts?status=open");
    expect(alertsHref({ ...DEFAULT_FILTERS, namespace: "a b&c" })).toBe("/alerts?status=open&namespace=a+b%26c");
  });

  it("'My alerts' keeps the other filters and shows every status", () => {
    const mine = myAlertsFilters({ ...DEFAULT_FILTERS, cluster: "c1" });
    expect(mine).toMatchObject({ assignee: "me", status: "all", cluster: "c1" });
  });
});

describe("context query", () => {
  it("narrows to what the alert has, quoting values", () => {
    expect(entityContextQuery({ cluster: "prod", namespace: "payments", pod: "api-7d9f" })).toBe(
      'cluster:"prod" AND namespace:"payments" AND pod:"api-7d9f"',
    );
    expect(entityContextQuery({ cluster: "prod", namespace: null, pod: null })).toBe('cluster:"prod"');
    expect(entityContextQuery({})).toBeNull();
  });

  it("escapes quotes and backslashes so hostile names stay one literal term", () => {
    const term = fieldTerm("pod", 'x" OR cluster:*\\');
    const ast = parseQuery(term);
    expect(ast).toMatchObject({ type: "term", field: "pod", value: 'x" OR cluster:*\\', quoted: true });
  });

  it("builds a ±15 min absolute window and a timeline link with it", () => {
    const w = windowAround("2026-03-01T03:00:00.000Z", "2026-03-01T03:10:00.000Z", 15);
    expect(w).toEqual({ from: "2026-03-01T02:45:00.000Z", to: "2026-03-01T03:25:00.000Z" });
    expect(eventsSearchHref('pod:"a"', w.from, w.to)).toBe(
      "/events?q=pod%3A%22a%22&from=2026-03-01T02%3A45%3A00.000Z&to=2026-03-01T03%3A25%3A00.000Z",
    );
  });
});
