import type { PoolClient } from "pg";
import { eventTime, type NormalizedEvent } from "@/lib/events/types";
import type { CompiledRule } from "@/lib/detect/rules";

export type RuleHit = { rule: CompiledRule; event: NormalizedEvent; eventId: string };

type Group = {
  rule: CompiledRule;
  key: string;
  windowStart: number;
  first: number;
  last: number;
  sample: NormalizedEvent;
  eventIds: { id: string; ts: string }[];
};

function groupValue(e: NormalizedEvent, field: string): string {
  const v = (e as unknown as Record<string, unknown>)[field];
  return v == null ? "" : String(v);
}

export function alertTitle(rule: CompiledRule, e: NormalizedEvent): string {
  const where = [e.namespace, e.pod].filter(Boolean).join("/") || e.objectName || e.node || e.cluster;
  return `${rule.name}: ${where}${e.actor ? ` by ${e.actor}` : ""}`;
}

/**
 * Turns rule hits into alerts: one alert per rule, group key and window,
 * counting repeats and linking every event. Runs inside the ingest
 * transaction, so an acknowledged batch always has its alerts.
 */
export async function raiseAlerts(client: PoolClient, hits: RuleHit[]): Promise<{ created: number; updated: number }> {
  if (hits.length === 0) return { created: 0, updated: 0 };
  const groups = new Map<string, Group>();
  for (const h of hits) {
    const t = h.event.ts.getTime();
    const windowStart = Math.floor(t / h.rule.windowMs) * h.rule.windowMs;
    const key = h.rule.groupBy.map((f) => groupValue(h.event, f)).join("|");
    const id = `${h.rule.id}\u0000${key}\u0000${windowStart}`;
    let g = groups.get(id);
    if (!g) {
      g = { rule: h.rule, key, windowStart, first: t, last: t, sample: h.event, eventIds: [] };
      groups.set(id, g);
    }
    g.first = Math.min(g.first, t);
    g.last = Math.max(g.last, t);
    g.eventIds.push({ id: h.eventId, ts: eventTime(h.event) });
  }
  let created = 0;
  let updated = 0;
  // Sorted so concurrent batches take row locks in the same order.
  const ordered = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, g]) => g);
  for (const g of ordered) {
    const e = g.sample;
    const { rows } = await client.query<{ id: number; inserted: boolean }>(
      `INSERT INTO alerts (rule_id, group_key, window_start, title, severity, cluster, namespace, pod, actor, first_seen, last_seen, count)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (rule_id, group_key, window_start) DO UPDATE SET
         count = alerts.count + EXCLUDED.count,
         first_seen = LEAST(alerts.first_seen, EXCLUDED.first_seen),
         last_seen = GREATEST(alerts.last_seen, EXCLUDED.last_seen),
         updated_at = now()
       RETURNING id, (xmax = 0) AS inserted`,
      [g.rule.id, g.key, new Date(g.windowStart), alertTitle(g.rule, e), g.rule.severity, e.cluster, e.namespace, e.pod, e.actor,
        new Date(g.first), new Date(g.last), g.eventIds.length],
    );
    const { id, inserted } = rows[0];
    await client.query(
      `INSERT INTO alert_events (alert_id, event_id, event_ts)
       SELECT $1, * FROM unnest($2::bigint[], $3::timestamptz[]) ON CONFLICT DO NOTHING`,
      [id, g.eventIds.map((x) => x.id), g.eventIds.map((x) => x.ts)],
    );
    if (inserted) {
      created++;
      await client.query(
        `INSERT INTO alert_history (alert_id, user_id, from_status, to_status, reason) VALUES ($1, NULL, NULL, 'open', $2)`,
        [id, `raised by rule ${g.rule.id}`],
      );
    } else updated++;
  }
  return { created, updated };
}
