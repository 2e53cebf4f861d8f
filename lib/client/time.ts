import { parseTime } from "@/lib/search/time";

/** Time-range expressions shared by the URL and the API: ISO-8601 or `now`, `now-15m`, `now-1h`, ... */
const RELATIVE = /^now(?:[+-]\d+[smhdw])?$/;

export const DEFAULT_FROM = "now-24h";
export const DEFAULT_TO = "now";

export const QUICK_RANGES = [
  { from: "now-15m", label: "15m", title: "Last 15 minutes" },
  { from: "now-1h", label: "1h", title: "Last 1 hour" },
  { from: "now-24h", label: "24h", title: "Last 24 hours" },
  { from: "now-7d", label: "7d", title: "Last 7 days" },
] as const;

export function isRelative(expr: string): boolean {
  return RELATIVE.test(expr.trim());
}

/** Same parser as the API, so the UI rejects exactly what the server would. */
export function resolveTime(expr: string, now = Date.now()): Date | null {
  return parseTime(expr, now);
}
