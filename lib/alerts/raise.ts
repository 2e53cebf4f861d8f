import type { PoolClient } from "pg";
import { eventTime, type NormalizedEvent } from "@/lib/events/types";
import type { CompiledRule } from "@/lib/detect/compile";
import { groupKeyOf, renderTitle } from "@/lib/detect/template";
import { severityFromPriority, RULE_SEVERITIES, type RuleSeverity } from "@/lib/detect/types";

export type RuleHit = { rule: CompiledRule; event: NormalizedEvent; eventId: string };

type EventRef = { id: string; ts: string };

/** One alert to create or update: rule + group key + window, with the events it links. */
export type AlertUpsert = {
  ruleId: string;
  groupKey: string;
  windowStart: Date;
  title: string;
  severity: RuleSeverity;
  cluster: string;
  namespace: string | null;
  pod: string | null;
  actor: string | null;
  firstSeen: Date;
  lastSeen: Date;
  count: number;
  events: EventRef[];
};

/** Matches a suppression held back, grouped like alerts. */
export type SuppressedUpsert = {
  suppressionId: number;
  ruleId: string;
  groupKey: string;
  windowStart: Date;
  firstSeen: Date;
  lastSeen: Date;
  count: number;
  sample: EventRef;
};

export function alertTitle(rule: { name: string; title?: string }, e: NormalizedEvent, extra: Record<string, string | number> = {}): string {
  if (rule.title) return renderTitle(rule.title, e, extra);
  const where = [e.namespace, e.pod].filter(Boolean).join("/") || e.objectName || e.node || e.cluster;
  return `${rule.name}: ${where}${e.actor ? ` by ${e.actor}` : ""}`;
}

const RANK = new Map(RULE_SEVERITIES.map((s, i) => [s, i]));
export function maxSeverity(a: RuleSeverity, b: RuleSeverity): RuleSeverity {
  return (RANK.get(a) ?? 0) >= (RANK.get(b) ?? 0) ? a : b;
}

/**
 * Drops hits that another rule matching the same event supersedes (the more
 * specific rule stands for both), e.g. "Binding to cluster-admin" over
 * "Role binding created". Pure.
 */
export function dropSuperseded(hits: RuleHit[]): RuleHit[] {
  if (!hits.some((h) => h.rule.supersedes.length)) return hits;
  const matched = new Map<string, Set<string>>();
  for (const h of hits) {
    const set = matched.get(h.eventId) ?? new Set<string>();
    for (const s of h.rule.supersedes) set.add(s);
    matched.set(h.eventId, set);
  }
  return hits.filter((h) => !matched.get(h.eventId)?.has(h.rule.id));
}

/**
 * Groups hits into alert upserts (one per rule, group key and window) and
 * suppressed-match upserts (the first active suppression that matches). Pure.
 */
export function groupHits(hits: RuleHit[]): { alerts: AlertUpsert[]; suppressed: SuppressedUpsert[] } {
  const alerts = new Map<string, AlertUpsert>();
  const suppressed = new Map<string, SuppressedUpsert>();
  for (const h of dropSuperseded(hits)) {
    const t = h.event.ts.getTime();
    const windowStart = Math.floor(t / h.rule.windowMs) * h.rule.windowMs;
    const groupKey = groupKeyOf(h.event, h.rule.groupBy);
    const ref = { id: h.eventId, ts: eventTime(h.event) };
    const sup = h.rule.suppressions.find((s) => s.test(h.event));
    if (sup) {
      const id = `${sup.id}\u0000${h.rule.id}\u0000${groupKey}\u0000${windowStart}`;
      const g = suppressed.get(id);
      if (g) {
        g.count++;
        if (t < g.firstSeen.getTime()) g.firstSeen = h.event.ts;
        if (t > g.lastSeen.getTime()) g.lastSeen = h.event.ts;
      } else {
        suppressed.set(id, { suppressionId: sup.id, ruleId: h.rule.id, groupKey, windowStart: new Date(windowStart), firstSeen: h.event.ts, lastSeen: h.event.ts, count: 1, sample: ref });
      }
      continue;
    }
    const severity = h.rule.severityFromEvent ? severityFromPriority(h.event.severity) : h.rule.severity;
    const id = `${h.rule.id}\u0000${groupKey}\u0000${windowStart}`;
    const g = alerts.get(id);
    if (g) {
      g.count++;
      g.events.push(ref);
      g.severity = maxSeverity(g.severity, severity);
      if (t < g.firstSeen.getTime()) g.firstSeen = h.event.ts;
      if (t > g.lastSeen.getTime()) g.lastSeen = h.event.ts;
    } else {
      const e = h.event;
      alerts.set(id, {
        ruleId: h.rule.id, groupKey, windowStart: new Date(windowStart), title: alertTitle(h.rule, e), severity,
        cluster: e.cluster, namespace: e.namespace, pod: e.pod, actor: e.actor, firstSeen: e.ts, lastSeen: e.ts, count: 1, events: [ref],
      });
    }
  }
  return { alerts: [...alerts.values()], suppressed: [...suppressed.values()] };
}

const byKey = <T extends { ruleId: string; groupKey: string; windowStart: Date }>(a: T, b: T) =>
  a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.groupKey < b.groupKey ? -1 : a.groupKey > b.groupKey ? 1 : a.windowStart.getTime() - b.windowStart.getTime();

/**
 * Creates or updates alerts, linking every event, in three statements
 * whatever the number of groups (a Falco batch can hold hundreds). `add`
 * (match rules on ingest) adds the new hits to the count; `set` replaces it
 * with a recount. A created alert gets its first history entry.
 */
export async function upsertAlerts(client: PoolClient, rows: AlertUpsert[], mode: "add" | "set"): Promise<{ created: number; updated: number }> {
  if (rows.length === 0) return { created: 0, updated: 0 };
  // Sorted so concurrent batches take row locks in the same order.
  const a = [...rows].sort(byKey);
  const { rows: returned } = await client.query<{ id: number; inserted: boolean; k: string }>(
    `INSERT INTO alerts (rule_id, group_key, window_start, title, severity, cluster, namespace, pod, actor, first_seen, last_seen, count)
     SELECT rule_id, group_key, window_start, title, severity, cluster, namespace, pod, actor, first_seen, last_seen, count
     FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[], $12::int[])
       WITH ORDINALITY AS t(rule_id, group_key, window_start, title, severity, cluster, namespace, pod, actor, first_seen, last_seen, count, n)
     ORDER BY n
     ON CONFLICT (rule_id, group_key, window_start) DO UPDATE SET
       count = ${mode === "add" ? "alerts.count + EXCLUDED.count" : "GREATEST(alerts.count, EXCLUDED.count)"},
       severity = CASE WHEN array_position(ARRAY['low','medium','high','critical'], EXCLUDED.severity) > array_position(ARRAY['low','medium','high','critical'], alerts.severity)
                       THEN EXCLUDED.severity ELSE alerts.severity END,
       first_seen = LEAST(alerts.first_seen, EXCLUDED.first_seen),
       last_seen = GREATEST(alerts.last_seen, EXCLUDED.last_seen),
       updated_at = now()
     RETURNING id, (xmax = 0) AS inserted, rule_id || chr(31) || group_key || chr(31) || (extract(epoch from window_start) * 1000)::bigint::text AS k`,
    [a.map((x) => x.ruleId), a.map((x) => x.groupKey), a.map((x) => x.windowStart), a.map((x) => x.title), a.map((x) => x.severity), a.map((x) => x.cluster),
      a.map((x) => x.namespace), a.map((x) => x.pod), a.map((x) => x.actor), a.map((x) => x.firstSeen), a.map((x) => x.lastSeen), a.map((x) => x.count)],
  );
  const byKeyText = new Map(returned.map((r) => [r.k, r]));
  const ids = a.map((x) => byKeyText.get(`${x.ruleId}\u001f${x.groupKey}\u001f${x.windowStart.getTime()}`)!);
  const linkAlert: number[] = [];
  const linkId: string[] = [];
  const linkTs: string[] = [];
  a.forEach((x, i) => {
    for (const e of x.events) {
      linkAlert.push(ids[i].id);
      linkId.push(e.id);
      linkTs.push(e.ts);
    }
  });
  if (linkAlert.length) {
    await client.query(
      `INSERT INTO alert_events (alert_id, event_id, event_ts) SELECT * FROM unnest($1::int[], $2::bigint[], $3::timestamptz[]) ON CONFLICT DO NOTHING`,
      [linkAlert, linkId, linkTs],
    );
  }
  const fresh = a.map((x, i) => ({ id: ids[i].id, ruleId: x.ruleId, inserted: ids[i].inserted })).filter((x) => x.inserted);
  if (fresh.length) {
    await client.query(
      `INSERT INTO alert_history (alert_id, user_id, from_status, to_status, reason) SELECT id, NULL, NULL, 'open', 'raised by rule ' || rule FROM unnest($1::int[], $2::text[]) AS t(id, rule)`,
      [fresh.map((x) => x.id), fresh.map((x) => x.ruleId)],
    );
  }
  return { created: fresh.length, updated: a.length - fresh.length };
}

/**
 * Windowed rules: creates the alert if needed and links the events; the count
 * grows by the links that are new, so linking the same events again (a
 * re-scan, a repeated run) changes nothing.
 */
export async function linkAlerts(client: PoolClient, rows: AlertUpsert[]): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  for (const a of [...rows].sort(byKey)) {
    const { rows: r } = await client.query<{ id: number; inserted: boolean }>(
      `INSERT INTO alerts (rule_id, group_key, window_start, title, severity, cluster, namespace, pod, actor, first_seen, last_seen, count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (rule_id, group_key, window_start) DO UPDATE SET updated_at = alerts.updated_at
       RETURNING id, (xmax = 0) AS inserted`,
      [a.ruleId, a.groupKey, a.windowStart, a.title, a.severity, a.cluster, a.namespace, a.pod, a.actor, a.firstSeen, a.lastSeen, a.events.length ? 0 : a.count],
    );
    const { id, inserted } = r[0];
    if (a.events.length) {
      const { rows: n } = await client.query<{ n: number }>(
        `WITH ins AS (
           INSERT INTO alert_events (alert_id, event_id, event_ts)
           SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[]) ON CONFLICT DO NOTHING RETURNING event_ts)
         UPDATE alerts SET count = alerts.count + x.n,
                first_seen = LEAST(alerts.first_seen, coalesce(x.lo, alerts.first_seen)),
                last_seen = GREATEST(alerts.last_seen, coalesce(x.hi, alerts.last_seen)),
                updated_at = CASE WHEN x.n > 0 AND NOT $4 THEN now() ELSE alerts.updated_at END
         FROM (SELECT count(*)::int AS n, min(event_ts) AS lo, max(event_ts) AS hi FROM ins) x
         WHERE alerts.id = $1 RETURNING x.n`,
        [id, a.events.map((x) => x.id), a.events.map((x) => x.ts), inserted],
      );
      if (!inserted && (n[0]?.n ?? 0) === 0) continue;
    }
    if (inserted) {
      created++;
      await client.query(
        `INSERT INTO alert_history (alert_id, user_id, from_status, to_status, reason) VALUES ($1, NULL, NULL, 'open', $2)`,
        [id, `raised by rule ${a.ruleId}`],
      );
    } else updated++;
  }
  return { created, updated };
}

/** Counts what suppressions held back; `set` as for alerts. */
export async function upsertSuppressed(client: PoolClient, rows: SuppressedUpsert[], mode: "add" | "set"): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) => a.suppressionId - b.suppressionId || byKey(a, b));
  await client.query(
    `INSERT INTO suppressed_matches (suppression_id, rule_id, group_key, window_start, count, first_seen, last_seen, sample_event_id, sample_event_ts)
     SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::timestamptz[], $5::int[], $6::timestamptz[], $7::timestamptz[], $8::bigint[], $9::timestamptz[])
     ON CONFLICT (suppression_id, rule_id, group_key, window_start) DO UPDATE SET
       count = ${mode === "add" ? "suppressed_matches.count + EXCLUDED.count" : "GREATEST(suppressed_matches.count, EXCLUDED.count)"},
       first_seen = LEAST(suppressed_matches.first_seen, EXCLUDED.first_seen),
       last_seen = GREATEST(suppressed_matches.last_seen, EXCLUDED.last_seen)`,
    [
      sorted.map((s) => s.suppressionId), sorted.map((s) => s.ruleId), sorted.map((s) => s.groupKey), sorted.map((s) => s.windowStart),
      sorted.map((s) => s.count), sorted.map((s) => s.firstSeen), sorted.map((s) => s.lastSeen), sorted.map((s) => s.sample.id), sorted.map((s) => s.sample.ts),
    ],
  );
}

/**
 * Turns match-rule hits into alerts: superseded hits dropped, suppressed ones
 * counted, the rest grouped into one alert per rule, group key and window,
 * counting repeats and linking every event. Runs inside the ingest
 * transaction, so an acknowledged batch always has its alerts.
 */
export async function raiseAlerts(client: PoolClient, hits: RuleHit[]): Promise<{ created: number; updated: number }> {
  if (hits.length === 0) return { created: 0, updated: 0 };
  const { alerts, suppressed } = groupHits(hits);
  const result = await upsertAlerts(client, alerts, "add");
  await upsertSuppressed(client, suppressed, "add");
  return result;
}
