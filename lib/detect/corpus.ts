/**
 * The shared test corpus (../shared/corpus): the Kubernetes audit records and
 * EXPECTATIONS.md, the oracle of which reference rules fire on which record.
 * Used by `npm run bench:detect` and the detection conformance tests.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { NormalizedEvent } from "@/lib/events/types";
import { normalizeAuditEvent } from "@/lib/ingest/audit/normalize";

export const REFERENCE_SETS = ["falco", "sigma", "elastic", "panther"] as const;
export type ReferenceSet = (typeof REFERENCE_SETS)[number];

export type Expectation = { key: string; event: string } & Record<ReferenceSet, string[]>;

/** Column names of per-event table of EXPECTATIONS.md, in its order. */
const COLUMNS: ReferenceSet[] = ["sigma", "falco", "elastic", "panther"];

function names(cell: string): string[] {
  const c = cell.trim();
  if (c === "–" || c === "-" || c === "") return [];
  return c
    .split(/,\s+/)
    .map((n) => n.replace(/\s*\[[^\]]*\]\s*$/, "").replace(/\s*\([^)]*\)\s*$/, "").trim())
    .filter(Boolean);
}

/** Section 1 of EXPECTATIONS.md: `| file:line | event | Sigma | Falco | Elastic | Panther |`. */
export function parseExpectations(md: string): Expectation[] {
  const section = md.split(/^## 1\./m)[1]?.split(/^## 2\./m)[0] ?? "";
  const out: Expectation[] = [];
  for (const line of section.split("\n")) {
    const cells = line.split("|").slice(1, -1);
    if (cells.length !== 6 || !/^\s*[\w.-]+:\d+/.test(cells[0])) continue;
    const key = cells[0].trim().replace(/\s*\(.*\)$/, "");
    const row = { key, event: cells[1].trim() } as Expectation;
    COLUMNS.forEach((set, i) => (row[set] = names(cells[2 + i])));
    out.push(row);
  }
  return out;
}

export type CorpusRecord = { key: string; file: string; line: number; raw: unknown };

/** Every audit record of the corpus, keyed `file:line` as in EXPECTATIONS.md (records that are not JSON are skipped). */
export function corpusAuditRecords(corpusDir: string): CorpusRecord[] {
  const dir = join(corpusDir, "k8s-audit");
  const files = [
    ...readdirSync(join(dir, "falco-trace-files")).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, "falco-trace-files", f)),
    join(dir, "elastic-integrations", "test-audit.log"),
    join(dir, "elastic-integrations", "test-kube-audit.log"),
  ].filter(existsSync);
  const out: CorpusRecord[] = [];
  for (const path of files) {
    const file = path.split("/").pop()!;
    const text = readFileSync(path, "utf8");
    try {
      out.push({ key: `${file}:1`, file, line: 1, raw: JSON.parse(text) });
      continue;
    } catch {
      /* NDJSON */
    }
    text.split("\n").forEach((l, i) => {
      if (!l.trim()) return;
      try {
        out.push({ key: `${file}:${i + 1}`, file, line: i + 1, raw: JSON.parse(l) });
      } catch {
        /* not JSON: the ingest tests cover rejection */
      }
    });
  }
  return out;
}

/** Normalizes a corpus record, or null when it is not an audit event (fal_01_003.json). */
export function normalizeCorpusRecord(r: CorpusRecord, cluster: string): NormalizedEvent | null {
  try {
    return normalizeAuditEvent(r.raw, cluster);
  } catch {
    return null;
  }
}
