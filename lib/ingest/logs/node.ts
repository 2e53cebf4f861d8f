/**
 * Node/OS log records (layer "node"): journald entries (Fluent Bit's systemd
 * input, `journalctl -o json`, Vector's journald source) → source "journald";
 * syslog as JSON (syslog-ng `format-json`, Vector's syslog source, Fluent
 * Bit's syslog parsers) or as RFC 5424/3164 text → source "syslog".
 * Messages read like the demo's: `ident[pid]: text`, `kernel: text`.
 */
import { emptyEvent, type NormalizedEvent, type Severity } from "@/lib/events/types";
import { RecordError } from "@/lib/ingest/audit/errors";
import { str, validIp, type Obj } from "@/lib/ingest/audit/util";
import { text } from "./fields";
import { parseBsdDate, severityFromName, severityFromNumber, type SyslogLine } from "./syslog";
import { firstTime, type ParsedTime } from "./time";

const JOURNAL_MARKERS = ["_SYSTEMD_UNIT", "SYSLOG_IDENTIFIER", "_HOSTNAME", "__REALTIME_TIMESTAMP", "_TRANSPORT", "_BOOT_ID", "_MACHINE_ID", "_COMM"];
const SYSLOG_NG_MARKERS = ["PROGRAM", "HOST", "ISODATE", "LEGACY_MSGHDR", "HOST_FROM", "FACILITY"];

/** Which kind of node log a JSON record is, by the fields only that kind writes. */
export function nodeKind(r: Obj): "journald" | "syslog" | null {
  if (r.source_type === "journald" || JOURNAL_MARKERS.some((k) => k in r)) return "journald";
  if (r.source_type === "syslog" || SYSLOG_NG_MARKERS.some((k) => k in r)) return "syslog";
  // Vector's syslog fields / Fluent Bit's syslog parser keys, next to a message.
  const hasMessage = typeof r.message === "string" || typeof r.MESSAGE === "string";
  if (hasMessage && ("appname" in r || "procid" in r || "ident" in r || "pri" in r)) return "syslog";
  if (typeof r.MESSAGE === "string" && "PRIORITY" in r) return "journald";
  return null;
}

// Who acted, from the two programs whose lines name a login: sshd and sudo.
const SSHD = /^(?:Accepted \S+ for|Failed \S+ for(?: invalid user)?|Invalid user) (\S+) from (\S+)/;
const SUDO = /^\s*(\S+) : .*COMMAND=/;

type NodeFields = {
  time: ParsedTime; source: "journald" | "syslog"; severity: Severity; host: string | null;
  ident: string | null; pid: string | null; message: string; attributes: Obj;
};

function nodeEvent(f: NodeFields, cluster: string): NormalizedEvent {
  const head = f.ident === "kernel" ? "kernel" : f.ident ? (f.pid ? `${f.ident}[${f.pid}]` : f.ident) : null;
  const e = emptyEvent({
    ts: f.time.date,
    ...(f.time.precise ? { tsText: f.time.precise } : {}),
    cluster,
    layer: "node",
    source: f.source,
    severity: f.severity,
    node: f.host,
    message: head ? `${head}: ${f.message}` : f.message,
    image: null,
    attributes: f.attributes,
  });
  const ssh = f.ident === "sshd" ? SSHD.exec(f.message) : null;
  const sudo = f.ident === "sudo" ? SUDO.exec(f.message) : null;
  e.actor = ssh?.[1] ?? sudo?.[1] ?? null;
  e.actorType = e.actor ? "user" : null;
  e.sourceIp = ssh ? validIp(ssh[2]) : null;
  return e;
}

function strip(s: string): string {
  return s.replace(/\r?\n$/, "");
}

export function journaldEvent(r: Obj, pairTime: unknown, cluster: string): NormalizedEvent {
  const message = text(r.MESSAGE) ?? text(r.message);
  if (message === null) throw new RecordError("journald record without a MESSAGE");
  const unit = str(r._SYSTEMD_UNIT);
  return nodeEvent({
    // The time the program logged (_SOURCE_…) beats the time journald received it.
    time: firstTime([["_SOURCE_REALTIME_TIMESTAMP", r._SOURCE_REALTIME_TIMESTAMP], ["__REALTIME_TIMESTAMP", r.__REALTIME_TIMESTAMP],
      ["timestamp", r.timestamp], ["date", r.date], ["[ts]", pairTime], ["@timestamp", r["@timestamp"]]]),
    source: "journald",
    // journald's default priority is 6 (info) when a program sets none.
    severity: severityFromNumber(r.PRIORITY) ?? "info",
    host: str(r._HOSTNAME) ?? str(r.host) ?? str(r.hostname),
    ident: str(r.SYSLOG_IDENTIFIER) ?? str(r._COMM) ?? (unit ? unit.replace(/\.service$/, "") : null),
    pid: str(r.SYSLOG_PID) ?? str(r._PID),
    message: strip(message),
    attributes: r,
  }, cluster);
}

function syslogSeverity(r: Obj): Severity {
  const pri = typeof r.pri === "number" ? r.pri : typeof r.pri === "string" && /^\d{1,3}$/.test(r.pri) ? Number(r.pri) : null;
  if (pri !== null) return severityFromNumber(pri % 8) ?? "info";
  for (const k of ["PRIORITY", "LEVEL", "SEVERITY", "severity", "LEVEL_NUM", "level"]) {
    const s = severityFromName(r[k]) ?? severityFromNumber(r[k]);
    if (s) return s;
  }
  return "info";
}

export function syslogJsonEvent(r: Obj, pairTime: unknown, cluster: string): NormalizedEvent {
  const message = text(r.MESSAGE) ?? text(r.message);
  if (message === null) throw new RecordError("syslog record without a MESSAGE or message");
  let time: ParsedTime;
  try {
    time = firstTime([["ISODATE", r.ISODATE], ["R_ISODATE", r.R_ISODATE], ["S_ISODATE", r.S_ISODATE], ["timestamp", r.timestamp],
      ["time", r.time], ["date", r.date], ["[ts]", pairTime], ["@timestamp", r["@timestamp"]]]);
  } catch (err) {
    // syslog-ng's DATE (and a kept Fluent Bit `time`) may be BSD-style, which has no year.
    const bsd = parseBsdDate(str(r.DATE) ?? str(r.time) ?? "");
    if (!bsd) throw err;
    time = bsd;
  }
  return nodeEvent({
    time, source: "syslog", severity: syslogSeverity(r),
    host: str(r.HOST) ?? str(r.hostname) ?? str(r.host),
    ident: str(r.PROGRAM) ?? str(r.appname) ?? str(r.ident) ?? str(r.SYSLOG_IDENTIFIER),
    pid: str(r.PID) ?? str(r.procid) ?? str(r.pid) ?? (typeof r.procid === "number" ? String(r.procid) : null),
    message: strip(message),
    attributes: r,
  }, cluster);
}

/**
 * A syslog text line (a text/plain body, or a line a shipper tailed from
 * /var/log/syslog without parsing). `attributes` is the shipped record when
 * there was one, else the parsed header plus the line as received.
 */
export function syslogTextEvent(s: SyslogLine, line: string, cluster: string, record?: Obj, fallbackTime?: ParsedTime): NormalizedEvent {
  const time = s.time ?? fallbackTime;
  if (!time) throw new RecordError("syslog line has no readable timestamp");
  return nodeEvent({
    time, source: "syslog", severity: s.severity ?? "info", host: s.host, ident: s.app, pid: s.pid, message: s.message,
    attributes: record ?? { line, format: s.format, pri: s.pri, host: s.host, app: s.app, pid: s.pid, msgId: s.msgId, structuredData: s.structuredData },
  }, cluster);
}
