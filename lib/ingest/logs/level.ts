/**
 * Severity of a container log line. Container runtimes record only the
 * stream, and stderr is where most programs write *all* their logs (klog,
 * Fluent Bit, Falco, Python's logging), so stderr alone says nothing; the
 * level has to come from the line. In order, the first that applies wins:
 *
 *  1. a level field — in the JSON line (`level`, `severity`, `lvl`; names or
 *     pino/bunyan numbers 10–60, or syslog 0–7), or in the record when the
 *     shipper already merged the JSON (Fluent Bit Merge_Log);
 *  2. logfmt `level=warn` / `lvl=error` (Go kit, logrus, Prometheus, containerd);
 *  3. a klog header (`E0501 10:00:00.123456 ...`: I/W/E/F);
 *  4. the first level word in the first 200 characters: an upper-case
 *     WARN/ERROR/FATAL/... (`[ERROR]`, ` WARN `, `ERROR:`), a bracketed
 *     lower-case one (nginx `[error]`, Fluent Bit `[ warn]`), or a crash
 *     (`panic:` at the start, `Traceback (most recent call last)`, `Exception in thread`);
 *  5. otherwise "info".
 *
 * Lower-case words in running text ("0 errors", "error=nil") are ignored on
 * purpose: they are far more often noise than a level.
 */
import type { Severity } from "@/lib/events/types";
import { isObj, type Obj } from "@/lib/ingest/audit/util";
import { severityFromName, severityFromNumber } from "./syslog";

const LEVEL_KEYS = ["level", "severity", "lvl", "log.level", "levelname", "loglevel"] as const;

/** pino/bunyan numeric levels. */
function pinoLevel(n: number): Severity | null {
  if (n >= 60) return "critical";
  if (n >= 50) return "error";
  if (n >= 40) return "warning";
  if (n >= 30) return "info";
  if (n >= 10) return "debug";
  return null;
}

function fromValue(v: unknown): Severity | null {
  if (typeof v === "number") return v >= 10 ? pinoLevel(v) : severityFromNumber(v);
  if (typeof v === "string") return severityFromName(v) ?? (/^\d{1,2}$/.test(v.trim()) ? fromValue(Number(v)) : null);
  return null;
}

/** A level field of a JSON object, if it has one. */
export function levelField(o: Obj): Severity | null {
  for (const k of LEVEL_KEYS) {
    const s = fromValue(o[k]);
    if (s) return s;
  }
  const log = o.log;
  // ECS-style nesting: {"log": {"level": "error"}}
  return isObj(log) ? fromValue(log.level) : null;
}

const LOGFMT = /(?:^|\s)(?:level|lvl|severity)=["']?([A-Za-z]+)/;
const KLOG = /^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d+/;
const KLOG_LEVEL: Record<string, Severity> = { I: "info", W: "warning", E: "error", F: "critical" };
const WORD = /(?:^|[^A-Za-z0-9_])(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT|PANIC|EMERG|ALERT)(?![A-Za-z0-9_])|\[\s*(debug|info|notice|warn|warning|error|crit|alert|emerg)\s*\]/;
const CRASH = /^panic: |^Traceback \(most recent call last\)|^Exception in thread /;

export function lineSeverity(line: string, record?: Obj): Severity {
  const t = line.trimStart();
  if (t.startsWith("{")) {
    try {
      const parsed: unknown = JSON.parse(t);
      const s = isObj(parsed) ? levelField(parsed) : null;
      if (s) return s;
    } catch {
      // not JSON after all: read it as text
    }
  }
  if (record) {
    const s = levelField({ ...record, log: undefined });
    if (s) return s;
  }
  const logfmt = LOGFMT.exec(t);
  const fromLogfmt = logfmt ? severityFromName(logfmt[1]) : null;
  if (fromLogfmt) return fromLogfmt;
  const klog = KLOG.exec(t);
  if (klog) return KLOG_LEVEL[klog[1]];
  if (CRASH.test(t)) return t.startsWith("panic") ? "critical" : "error";
  const word = WORD.exec(t.slice(0, 200));
  return (word && severityFromName(word[1] ?? word[2])) || "info";
}
