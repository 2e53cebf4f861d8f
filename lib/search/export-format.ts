/**
 * Row formats of the events export. Log content is attacker-controlled: a CSV
 * cell that a spreadsheet would read as a formula (= + - @, or a leading tab
 * or CR that some spreadsheets strip first) is neutralized with a leading
 * apostrophe, and every cell is quoted per RFC 4180 when it needs to be.
 */
import type { StoredEvent } from "@/lib/events/types";

/** The typed columns in API order, then the original record as JSON. */
export const CSV_COLUMNS = [
  "id", "ts", "receivedAt", "cluster", "layer", "source", "severity", "node", "namespace", "pod", "container", "workload",
  "actor", "actorType", "impersonated", "verb", "resource", "subresource", "objectName", "code", "sourceIp", "message", "flags", "attributes",
] as const satisfies readonly (keyof StoredEvent)[];

const FORMULA_START = /^[=+\-@\t\r]/;

/** Prefixes a cell a spreadsheet would evaluate or trim with an apostrophe. */
export function neutralizeCell(v: string): string {
  return FORMULA_START.test(v) ? "'" + v : v;
}

/** RFC 4180: quote when the cell holds a quote, comma, CR or LF; double inner quotes. */
export function csvCell(raw: string): string {
  const v = neutralizeCell(raw);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function cellText(e: StoredEvent, col: (typeof CSV_COLUMNS)[number]): string {
  const v = e[col];
  if (v === null || v === undefined) return "";
  if (col === "attributes") return JSON.stringify(v);
  if (col === "flags") return (v as string[]).join(";");
  return String(v);
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(",") + "\r\n";
}

export function csvRow(e: StoredEvent): string {
  return CSV_COLUMNS.map((c) => csvCell(cellText(e, c))).join(",") + "\r\n";
}

export function ndjsonRow(e: StoredEvent): string {
  return JSON.stringify(e) + "\n";
}
