/**
 * Replays the corpus's Kubernetes audit records through the real pipeline
 * (ingest with match rules, then the windowed loop) and scores which
 * reference rules (by `equivalents`) Crowsnest's alerts stand for on each
 * record, against EXPECTATIONS.md. Shared by `npm run bench:detect` and the
 * detection conformance test.
 */
import type { Db } from "@/lib/db";
import type { NormalizedEvent } from "@/lib/events/types";
import { ingestEvents } from "@/lib/ingest/pipeline";
import { corpusAuditRecords, normalizeCorpusRecord, REFERENCE_SETS, type Expectation, type ReferenceSet } from "./corpus";
import { equivalentsFor, toEquivalentRule } from "./equivalents";
import { invalidateRuleCache } from "./rules";
import { runWindowedRules } from "./windowed/run";

export type ReplayedRecord = { key: string; event: NormalizedEvent | null; eventId: string | null; alerts: { id: number; ruleId: string }[]; fired: string[] };
export type Replay = { records: ReplayedRecord[]; alerts: number };

/**
 * Ingests every record one by one (so each event id is known). Each file is
 * one story: its records keep their order and (up to a minute) spacing, files are two hours
 * apart (longer than any sequence or threshold window, so files do not form
 * stories together), ending now; the windowed rules run after each file with
 * their clock at that file's time.
 */
export async function replayCorpus(db: Db, corpusDir: string, cluster = "corpus"): Promise<Replay> {
  invalidateRuleCache();
  const records = corpusAuditRecords(corpusDir);
  const files = [...new Set(records.map((r) => r.file))];
  const GAP = 2 * 60 * 60_000;
  let clock = Date.now() - files.length * GAP;
  await runWindowedRules(db, { now: clock - 1000, initialLookbackIds: 0 }); // start the loop's checkpoint before the replay
  const out: ReplayedRecord[] = [];
  for (const file of files) {
    let prev: number | null = null;
    let last = clock;
    for (const r of records.filter((x) => x.file === file)) {
      const e = normalizeCorpusRecord(r, cluster);
      if (!e) {
        out.push({ key: r.key, event: null, eventId: null, alerts: [], fired: [] });
        continue;
      }
      // Gaps inside a file are kept up to a minute (some sample files join records taken months apart).
      const orig = e.ts.getTime();
      const t: number = prev === null ? clock : last + Math.min(Math.max(orig - prev, 0), 60_000);
      prev = orig;
      e.ts = new Date(t);
      delete e.tsText;
      last = t;
      const res = await ingestEvents(db, [e]);
      const id = res.accepted ? (await db.pool.query<{ id: string }>("SELECT last_value::text AS id FROM events_id_seq")).rows[0].id : null;
      out.push({ key: r.key, event: e, eventId: id, alerts: [], fired: [] });
    }
    await runWindowedRules(db, { now: last + 1000 });
    clock += GAP;
  }

  const rules = await db.prisma.rule.findMany({ select: { id: true, kind: true, definition: true, equivalents: true } });
  const byId = new Map(rules.map((r) => [r.id, toEquivalentRule(r)]));
  const ids = out.filter((r) => r.eventId).map((r) => r.eventId!);
  const { rows: links } = await db.pool.query<{ event_id: string; alert_id: number; rule_id: string }>(
    `SELECT ae.event_id::text, a.id AS alert_id, a.rule_id FROM alert_events ae JOIN alerts a ON a.id = ae.alert_id WHERE ae.event_id = ANY($1::bigint[])`,
    [ids],
  );
  for (const rec of out) {
    if (!rec.eventId || !rec.event) continue;
    rec.alerts = links.filter((l) => l.event_id === rec.eventId).map((l) => ({ id: l.alert_id, ruleId: l.rule_id }));
    const fired = new Set<string>();
    for (const a of rec.alerts) {
      const rule = byId.get(a.ruleId);
      if (rule) for (const name of equivalentsFor(rule, rec.event, byId)) fired.add(name);
    }
    rec.fired = [...fired].sort();
  }
  const alerts = new Set(links.map((l) => l.alert_id)).size;
  return { records: out, alerts };
}

export type SetScore = {
  set: ReferenceSet;
  expected: number;
  met: number;
  recall: number;
  missed: { key: string; rule: string }[];
  falseAlerts: { key: string; rule: string }[];
  /** alerts the reference engine would raise (one per rule per event) */
  referenceAlerts: number;
};

export type Score = { sets: SetScore[]; quietEvents: number; noise: { key: string; rules: string[] }[]; alerts: number };

/** Compares what fired with what is expected, per reference set, and counts alerts on events where nothing is expected. */
export function scoreReplay(replay: Replay, expectations: Expectation[], sets: readonly ReferenceSet[] = REFERENCE_SETS): Score {
  const byKey = new Map(replay.records.map((r) => [r.key, r]));
  const scores: SetScore[] = sets.map((set) => {
    const s: SetScore = { set, expected: 0, met: 0, recall: 1, missed: [], falseAlerts: [], referenceAlerts: 0 };
    for (const x of expectations) {
      const rec = byKey.get(x.key);
      const fired = new Set((rec?.fired ?? []).filter((f) => f.startsWith(`${set}:`)).map((f) => f.slice(set.length + 1)));
      s.expected += x[set].length;
      s.referenceAlerts += x[set].length;
      for (const rule of x[set]) {
        if (fired.has(rule)) s.met++;
        else s.missed.push({ key: x.key, rule });
      }
      for (const rule of fired) if (!x[set].includes(rule)) s.falseAlerts.push({ key: x.key, rule });
    }
    s.recall = s.expected ? s.met / s.expected : 1;
    return s;
  });
  const quiet = expectations.filter((x) => REFERENCE_SETS.every((set) => x[set].length === 0));
  const noise = quiet.map((x) => ({ key: x.key, rules: [...new Set((byKey.get(x.key)?.alerts ?? []).map((a) => a.ruleId))] })).filter((n) => n.rules.length);
  return { sets: scores, quietEvents: quiet.length, noise, alerts: replay.alerts };
}
