/**
 * Syslog framing (RFC 5424 and the BSD/RFC 3164 format) and the syslog
 * severity scale. Used for plain-text node log lines and for Falco alerts
 * that arrive syslog-framed (json_output through rsyslog/syslog-ng).
 */
import type { Severity } from "@/lib/events/types";
import { parseTime, type ParsedTime } from "./time";

/** syslog severity 0–7 → the Falco/syslog scale our events use (they share the names). */
export const SYSLOG_SEVERITY: readonly Severity[] = ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"];

// Level names in the wild: syslog keywords (syslog-ng, Vector), logger names (zap, logrus, pino, klog).
const NAMED: Record<string, Severity> = {
  emerg: "emergency", emergency: "emergency",
  alert: "alert",
  // "panic" is a deprecated syslog alias of emerg, but in app logs (zap, logrus) it is a crashed goroutine.
  crit: "critical", critical: "critical", fatal: "critical", panic: "critical", dpanic: "critical",
  err: "error", error: "error", eror: "error",
  warn: "warning", warning: "warning",
  notice: "notice",
  info: "info", informational: "info", information: "info",
  debug: "debug", dbug: "debug", trace: "debug", trce: "debug",
};

export function severityFromName(v: unknown): Severity | null {
  return typeof v === "string" ? (NAMED[v.trim().toLowerCase()] ?? null) : null;
}

/** A syslog PRIORITY/severity number (journald writes it as a string, "6"). */
export function severityFromNumber(v: unknown): Severity | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d$/.test(v.trim()) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 7 ? SYSLOG_SEVERITY[n] : null;
}

export type SyslogLine = {
  format: "rfc5424" | "rfc3164";
  /** the <PRI> value (facility × 8 + severity); null when the line has no PRI (read from a file) */
  pri: number | null;
  severity: Severity | null;
  time: ParsedTime | null;
  host: string | null;
  app: string | null;
  pid: string | null;
  msgId: string | null;
  structuredData: string | null;
  message: string;
};

const nil = (s: string | undefined): string | null => (s === undefined || s === "-" || s === "" ? null : s);

// A structured-data element, whose quoted values may contain "]" and escaped quotes.
const SD = String.raw`\[[^\s\]=]+(?:\s+[^\s=\]]+="(?:[^"\\]|\\.)*")*\]`;
const RFC5424 = new RegExp(String.raw`^<(\d{1,3})>1 (\S+) (\S+) (\S+) (\S+) (\S+) (-|(?:${SD})+)(?: ([\s\S]*))?$`);
const BSD_TIME = /^([A-Z][a-z]{2}) ( \d|\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))? /;
// rsyslog's "high precision" file format puts RFC 3339 where BSD syslog has its date.
const ISO_TIME = /^(\d{4}-\d{2}-\d{2}T\S+) /;
const TAG = /^([^\s:[\]]{1,64})(?:\[([^\]\s]{1,32})\])?: ?([\s\S]*)$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * BSD timestamps have no year or zone: assume UTC and this year, or last year
 * when that would put the line more than a day in the future (late-December
 * lines read in January).
 */
function bsdTime(m: RegExpExecArray, now: Date): ParsedTime | null {
  const month = MONTHS.indexOf(m[1]);
  if (month < 0) return null;
  const at = (year: number) => Date.UTC(year, month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number((m[6] ?? "").slice(0, 3).padEnd(3, "0")));
  let ms = at(now.getUTCFullYear());
  if (ms > now.getTime() + 86_400_000) ms = at(now.getUTCFullYear() - 1);
  const date = new Date(ms);
  return { date, precise: m[6] && m[6].length > 3 ? `${date.toISOString().slice(0, 19)}.${m[6]}Z` : null };
}

/**
 * Parses one syslog line, or returns null when it is not one. `<PRI>` is
 * optional for BSD lines so lines tailed from /var/log/syslog (which have none)
 * are read too. A bad RFC 3339 timestamp leaves `time` null rather than failing.
 */
export function parseSyslogLine(input: string, now = new Date()): SyslogLine | null {
  const line = input.replace(/\r?\n$/, "");
  const m5 = RFC5424.exec(line);
  if (m5) {
    const pri = Number(m5[1]);
    if (pri > 191) return null;
    return {
      format: "rfc5424", pri, severity: SYSLOG_SEVERITY[pri % 8], time: safeTime(nil(m5[2])), host: nil(m5[3]), app: nil(m5[4]),
      pid: nil(m5[5]), msgId: nil(m5[6]), structuredData: nil(m5[7]), message: (m5[8] ?? "").replace(/^\uFEFF/, ""),
    };
  }
  const priM = /^<(\d{1,3})>/.exec(line);
  const pri = priM ? Number(priM[1]) : null;
  if (pri !== null && pri > 191) return null;
  let rest = priM ? line.slice(priM[0].length) : line;
  let time: ParsedTime | null;
  const bsd = BSD_TIME.exec(rest);
  const iso = bsd ? null : ISO_TIME.exec(rest);
  if (bsd) time = bsdTime(bsd, now);
  else if (iso) time = safeTime(iso[1]);
  else return null;
  if (!time) return null;
  rest = rest.slice((bsd ?? iso)![0].length);
  const sp = rest.indexOf(" ");
  // "Mmm dd hh:mm:ss host tag: msg"; a line with nothing after the host is still a (blank) message.
  const host = sp < 0 ? rest : rest.slice(0, sp);
  const body = sp < 0 ? "" : rest.slice(sp + 1);
  const tag = TAG.exec(body);
  return {
    format: "rfc3164", pri, severity: pri === null ? null : SYSLOG_SEVERITY[pri % 8], time, host: nil(host),
    app: tag ? tag[1] : null, pid: tag ? (tag[2] ?? null) : null, msgId: null, structuredData: null, message: tag ? tag[3] : body,
  };
}

/** A BSD syslog date on its own ("May  1 10:00:00", syslog-ng's DATE), or null. */
export function parseBsdDate(text: string, now = new Date()): ParsedTime | null {
  const m = BSD_TIME.exec(text.trim() + " ");
  return m ? bsdTime(m, now) : null;
}

function safeTime(text: string | null): ParsedTime | null {
  if (!text) return null;
  try {
    return parseTime("timestamp", text);
  } catch {
    return null;
  }
}
