/**
 * One run of the windowed rules (threshold, sequence, new value, silence):
 * under an advisory lock and in one transaction, scan the events that
 * arrived since the checkpoint, update each rule's state, link events to
 * alerts, and move the checkpoint. A crash rolls everything back and the next
 * run repeats the work; a repeated run changes nothing.
 */
import type { PoolClient } from "pg";
import type { Db } from "@/lib/db";
import type { Layer } from "@/lib/events/types";
import type { Prisma } from "@/lib/generated/prisma/client";
import { compileWhere } from "@/lib/search/query/compile-sql";
import { parseQuery } from "@/lib/search/query/parse";
import { linkAlerts, upsertSuppressed } from "@/lib/alerts/raise";
import { alertsCreatedInTransaction, notifyNewAlerts } from "@/lib/notify/notify";
import { loadSuppressions } from "../rules";
import type { CompiledSuppression } from "../compile";
import type { NewValueDefinition, RuleSeverity, SequenceDefinition, SilenceDefinition, ThresholdDefinition } from "../types";
import { evaluateSequence, evaluateSilence, LATENESS_MS, type ClusterLayers, type Effects, type WindowedRule } from "./evaluate";
import { evaluateThreshold } from "./threshold";
import { currentMaxEventId, scanEvents, type ScanRow } from "./scan";
import { evaluateNewValue, seedNewValueBaseline } from "./new-value";
import { ERRORS_KEY, readState, ruleErrors, writeState, type RuleErrors } from "./state";

const LOCK_KEY = 0x63726f77; // "crow"
/** Events are re-scanned from the checkpoint of a run at least this old, so a batch still committing is never skipped. */
const SETTLE_MS = 30_000;

type Mark = { at: number; max: string };
type LoopState = { marks: Mark[] };

export type RunReport = { skipped?: "locked"; initialized?: boolean; scanned: { from: string; to: string }; matched: number; created: number; updated: number; errors: Record<string, string> };

type Row = { id: string; name: string; severity: string; kind: string; definition: unknown };

function windowedRule(r: Row, suppressions: CompiledSuppression[]): WindowedRule {
  return { id: r.id, name: r.name, severity: r.severity as RuleSeverity, suppressions: suppressions.filter((s) => s.ruleId === null || s.ruleId === r.id) };
}

/** The queries a rule needs the scan to evaluate (a sequence has two). */
function queriesOf(r: Row): string[] {
  const d = r.definition as { query?: string; first?: string; then?: string };
  if (r.kind === "sequence") return [d.first!, d.then!];
  if (r.kind === "silence") return [];
  return [d.query!];
}

/** Newest event per cluster and layer (kept by ingest in layer_sources) and the admins' silence thresholds. */
async function clusterLayers(client: PoolClient): Promise<ClusterLayers[]> {
  const { rows: seen } = await client.query<{ cluster: string; layer: string; last: Date }>(`SELECT cluster, layer, max(last_seen) AS last FROM layer_sources GROUP BY 1, 2`);
  const { rows: set } = await client.query<{ cluster: string; layer: string; m: number }>(`SELECT cluster, layer, silence_minutes AS m FROM coverage_settings`);
  const by = new Map<string, ClusterLayers>();
  const of = (c: string) => by.get(c) ?? (by.set(c, { cluster: c, lastSeen: {}, thresholds: {} }), by.get(c)!);
  for (const r of seen) of(r.cluster).lastSeen[r.layer as Layer] = r.last;
  for (const r of set) if (by.has(r.cluster)) of(r.cluster).thresholds[r.layer as Layer] = r.m;
  return [...by.values()];
}

/** How many of the newest events the very first run looks at. */
const FIRST_RUN_LOOKBACK_IDS = 500_000;

export async function runWindowedRules(db: Db, opts: { now?: number; initialLookbackIds?: number } = {}): Promise<RunReport> {
  const now = opts.now ?? Date.now();
  const client = await db.pool.connect();
  let broken = false;
  const report: RunReport = { scanned: { from: "0", to: "0" }, matched: 0, created: 0, updated: 0, errors: {} };
  try {
    await client.query("BEGIN");
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [LOCK_KEY]);
    if (!lock[0].ok) {
      await client.query("ROLLBACK");
      return { ...report, skipped: "locked" };
    }
    const rules = (await client.query<Row>(
      `SELECT id, name, severity, kind, definition FROM rules WHERE enabled AND kind IN ('threshold', 'sequence', 'new-value', 'silence') ORDER BY id`,
    )).rows;
    const suppressions = await loadSuppressions(db);
    const loop = await readState<LoopState>(client, "loop");
    const max = await currentMaxEventId(client);

    // New-value rules learn their baseline the first time they run.
    for (const r of rules.filter((x) => x.kind === "new-value")) {
      const st = await readState<{ seeded?: number }>(client, `rule:${r.id}`);
      if (st?.seeded) continue;
      try {
        await client.query("SAVEPOINT seed");
        await seedNewValueBaseline(client, r.id, r.definition as NewValueDefinition, now);
        await writeState(client, `rule:${r.id}`, { seeded: now });
        await client.query("RELEASE SAVEPOINT seed");
      } catch (err) {
        await client.query("ROLLBACK TO SAVEPOINT seed");
        report.errors[r.id] = (err as Error).message;
      }
    }

    let marks0 = loop?.marks ?? [];
    if (!marks0.length) {
      // First run ever: look back over the newest events (what `npm start -- --demo` just loaded, the last
      // minutes of a running cluster), bounded so a large database is not read whole.
      const lookback = BigInt(opts.initialLookbackIds ?? FIRST_RUN_LOOKBACK_IDS);
      if (lookback <= 0n) {
        await writeState(client, "loop", { marks: [{ at: now, max }] } satisfies LoopState);
        await client.query("COMMIT");
        return { ...report, initialized: true, scanned: { from: max, to: max } };
      }
      const start = BigInt(max) > lookback ? BigInt(max) - lookback : 0n;
      marks0 = [{ at: now - SETTLE_MS, max: start.toString() }];
      report.initialized = true;
    }
    const loopState: LoopState = { marks: marks0 };
    const settled = loopState.marks.filter((m) => m.at <= now - SETTLE_MS);
    const from = (settled.length ? settled[settled.length - 1] : loopState.marks[0]).max;
    report.scanned = { from, to: max };

    // Compile every rule's queries once; a broken rule is reported and skipped, not fatal.
    const conditions: Prisma.Sql[] = [];
    const slots = new Map<string, number[]>();
    const maxWindowMs = Math.max(60 * 60_000, ...rules.map((r) => {
      const d = r.definition as { windowMinutes?: number; withinMinutes?: number };
      return ((d.windowMinutes ?? 60) + (d.withinMinutes ?? 0)) * 60_000;
    }));
    for (const r of rules) {
      try {
        const idx = queriesOf(r).map((q) => {
          conditions.push(compileWhere(parseQuery(q)));
          return conditions.length - 1;
        });
        slots.set(r.id, idx);
      } catch (err) {
        report.errors[r.id] = (err as Error).message;
      }
    }
    const rows = await scanEvents(client, {
      fromId: from, toId: max, conditions,
      matchFrom: new Date(now - LATENESS_MS - maxWindowMs),
      scanFrom: new Date(now - 25 * 60 * 60_000),
    });
    report.matched = rows.length;
    const rowsFor = (i: number): ScanRow[] => rows.filter((r) => r.m[i]);

    const effects: Effects = { alerts: [], suppressed: [] };
    for (const r of rules) {
      const idx = slots.get(r.id);
      if (!idx) continue;
      const rule = windowedRule(r, suppressions);
      const key = `rule:${r.id}`;
      try {
        await client.query("SAVEPOINT rule");
        let out: { state: unknown; effects: Effects } | null = null;
        if (r.kind === "threshold") {
          out = evaluateThreshold(rule, r.definition as ThresholdDefinition, (await readState(client, key)) ?? undefined, rowsFor(idx[0]), now);
        } else if (r.kind === "sequence") {
          out = evaluateSequence(rule, r.definition as SequenceDefinition, (await readState(client, key)) ?? undefined, rowsFor(idx[0]), rowsFor(idx[1]), now);
        } else if (r.kind === "silence") {
          out = evaluateSilence(rule, r.definition as SilenceDefinition, (await readState(client, key)) ?? undefined, await clusterLayers(client), now);
        } else if (r.kind === "new-value") {
          const e = await evaluateNewValue(client, rule, r.definition as NewValueDefinition, rowsFor(idx[0]));
          effects.alerts.push(...e.alerts);
          effects.suppressed.push(...e.suppressed);
        }
        if (out) {
          await writeState(client, key, out.state);
          effects.alerts.push(...out.effects.alerts);
          effects.suppressed.push(...out.effects.suppressed);
        }
        await client.query("RELEASE SAVEPOINT rule");
      } catch (err) {
        await client.query("ROLLBACK TO SAVEPOINT rule");
        report.errors[r.id] = (err as Error).message;
      }
    }
    const withEvents = effects.alerts.filter((a) => a.events.length || a.count);
    const linked = await linkAlerts(client, withEvents);
    report.created = linked.created;
    report.updated = linked.updated;
    await upsertSuppressed(client, effects.suppressed, "set");

    await writeState(client, ERRORS_KEY, ruleErrors(await readState<RuleErrors>(client, ERRORS_KEY), report.errors, now));

    // Keep the newest settled mark and the recent ones: the next run starts from its newest settled mark.
    const all = [...loopState.marks, { at: now, max }];
    const marks = [...all.filter((m) => m.at <= now - SETTLE_MS).slice(-1), ...all.filter((m) => m.at > now - SETTLE_MS)];
    await writeState(client, "loop", { marks } satisfies LoopState);
    const fresh = report.created > 0 ? await alertsCreatedInTransaction(client) : [];
    await client.query("COMMIT");
    // As on ingest: webhooks for committed alerts only, never holding up the loop.
    if (fresh.length) void notifyNewAlerts(db, fresh).catch(() => {});
    return report;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
