/**
 * The same searches done the way an analyst without Crowsnest would: the
 * events as NDJSON files, one per day (as a shipper rotates them), searched
 * with ripgrep pipelines or lnav's SQL. ripgrep cannot cut a time window
 * inside a file, so it gets the day files the window touches (more data than
 * Crowsnest reads — and still the honest way to use it); lnav filters on
 * log_time. Both are Debian packages (`apt-get install ripgrep lnav`).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { QUERY_A, QUERY_E, RARE_TERM } from "./search-queries";

export type BaselineCase = { id: string; tool: "rg" | "lnav"; run: () => void; rows: () => number };

const FACET_KEYS = ["cluster", "layer", "severity", "namespace", "pod", "node", "actor", "verb", "resource", "code"];

function has(tool: string): boolean {
  try {
    execFileSync(tool, ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Runs a shell pipeline over files whose names we generated (no user input), returns its stdout line count. */
function sh(script: string, env: Record<string, string> = {}): number {
  // No pipefail: `head` closing the pipe early, or rg finding nothing (exit 1), is not a failure here.
  const out = execFileSync("bash", ["-c", `${script}; true`], { env: { ...process.env, ...env }, maxBuffer: 1 << 28, encoding: "utf8" });
  return out.split("\n").filter(Boolean).length;
}

/** lnav with its SQL as one argument (no shell), the result table on stdout; rows = lines after the header. */
function lnav(home: string, sql: string, files: string[]): number {
  const out = execFileSync("lnav", ["-n", "-c", ";" + sql, ...files], { env: { ...process.env, HOME: home }, maxBuffer: 1 << 28, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (/✘ error/.test(out)) throw new Error(`lnav: ${out.slice(0, 300)}`);
  return Math.max(0, out.split("\n").filter(Boolean).length - 1);
}

const quote = (files: string[]) => files.map((f) => `'${f}'`).join(" ");
const lnavTime = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");

/** QUERY_A / QUERY_E as literal field matches on the JSON text, the way one greps NDJSON. */
const RG_A = `rg -N -F '"cluster":"prod-eu-1"' FILES | rg -F '"namespace":"payments"' | rg -w settlement`;
const RG_E = `rg -N -F '"cluster":"prod-eu-1"' FILES | rg -F '"layer":"container"'`;

export function baselineCases(dir: string, files: string[], now: number): BaselineCase[] {
  void QUERY_A;
  void QUERY_E;
  const dayFrom = now - 86_400_000;
  // Day files that overlap the 24 h window (named events-YYYY-MM-DD.ndjson).
  const dayFiles = files.filter((f) => Date.parse(basename(f).slice(7, 17) + "T00:00:00Z") + 86_400_000 > dayFrom);
  const all = quote(files);
  const recent = quote(dayFiles);
  const cases: BaselineCase[] = [];
  const counter = () => {
    let n = 0;
    return { set: (v: number) => (n = v), get: () => n };
  };
  if (has("rg")) {
    const facetsScript = `${RG_A.replace("FILES", recent)} > '${dir}/facet-input.tmp' && for k in ${FACET_KEYS.join(" ")}; do
      rg -o "\\"$k\\":(\\"[^\\"]*\\"|[0-9]+|null)" '${dir}/facet-input.tmp' | sort | uniq -c | sort -rn | head -n 10; done`;
    const rgCases: [string, string][] = [
      ["a", `${RG_A.replace("FILES", recent)} | tail -n 200`],
      ["b", `${RG_A.replace("FILES", recent)} | rg -o '"ts":"[0-9T:-]{15}' | sort | uniq -c`],
      ["c", facetsScript],
      ["d", `rg -N -w '${RARE_TERM}' ${all}`],
      ["e", `${RG_E.replace("FILES", recent)} | tail -n 10000 | head -n 200`],
    ];
    for (const [id, script] of rgCases) {
      const c = counter();
      cases.push({ id, tool: "rg", run: () => c.set(sh(script)), rows: c.get });
    }
  }
  if (has("lnav")) {
    const home = join(dir, "lnav-home");
    mkdirSync(join(home, ".lnav", "formats", "installed"), { recursive: true });
    writeFileSync(join(home, ".lnav", "formats", "installed", "crowsnest_ndjson.json"), JSON.stringify(LNAV_FORMAT, null, 2));
    const t = `crowsnest_ndjson`;
    const win = `log_time >= '${lnavTime(dayFrom)}' AND log_time <= '${lnavTime(now)}'`;
    const a = `${win} AND cluster = 'prod-eu-1' AND namespace = 'payments' AND message LIKE '%settlement%'`;
    const facetSql = FACET_KEYS.map((k) => `SELECT * FROM (SELECT '${k}' AS f, ${k} AS v, count(*) AS n FROM ${t} WHERE ${a} GROUP BY 2 ORDER BY 3 DESC LIMIT 10)`).join(" UNION ALL ");
    const lnavCases: [string, string, string[]][] = [
      ["a", `SELECT log_time, message FROM ${t} WHERE ${a} ORDER BY log_time DESC LIMIT 200`, dayFiles],
      ["b", `SELECT substr(log_time, 1, 15) AS b, layer, count(*) FROM ${t} WHERE ${a} GROUP BY 1, 2`, dayFiles],
      ["c", facetSql, dayFiles],
      ["d", `SELECT log_time, message FROM ${t} WHERE message LIKE '%${RARE_TERM}%' ORDER BY log_time DESC LIMIT 200`, files],
      ["e", `SELECT log_time, message FROM ${t} WHERE ${win} AND cluster = 'prod-eu-1' AND layer = 'container' ORDER BY log_time DESC LIMIT 200 OFFSET 9800`, dayFiles],
    ];
    for (const [id, sql, fileList] of lnavCases) {
      const c = counter();
      cases.push({ id, tool: "lnav", run: () => c.set(lnav(home, sql, fileList)), rows: c.get });
    }
  }
  return cases;
}

/** An lnav log format for the NDJSON export: time, level, and the key fields as SQL columns. */
const LNAV_FORMAT = {
  crowsnest_ndjson: {
    title: "Crowsnest NDJSON export",
    description: "Events exported from Crowsnest, one JSON object per line",
    json: true,
    "file-pattern": "\\.ndjson$",
    "timestamp-field": "ts",
    "level-field": "severity",
    value: Object.fromEntries([
      ...["cluster", "layer", "namespace", "pod", "node", "actor", "verb", "resource"].map((k) => [k, { kind: "string", identifier: true }]),
      ["severity", { kind: "string" }],
      ["message", { kind: "string" }],
      ["code", { kind: "integer" }],
    ]),
  },
};
