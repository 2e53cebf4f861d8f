/**
 * New-value rules: the first time a combination of fields appears (after a
 * baseline learned from history) raises one alert; the combination's other
 * events in that alert's window are linked to it. Combinations are kept in
 * rule_values, so each raises at most once — until maintenance forgets one
 * not seen for the retention period (lib/events/maintenance.ts).
 */
import type { PoolClient } from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { compileWhere } from "@/lib/search/query/compile-sql";
import { resolveField } from "@/lib/search/query/fields";
import { parseQuery } from "@/lib/search/query/parse";
import { groupKeyOf, renderTitle } from "../template";
import { DEFAULT_WINDOW_MINUTES, type NewValueDefinition } from "../types";
import type { Effects, WindowedRule } from "./evaluate";
import type { ScanRow } from "./scan";

/** SQL text of the same key groupKeyOf() builds in memory: values joined by '|', '' for none. */
export function keySql(fields: string[]): Prisma.Sql {
  const parts = fields.map((name) => {
    const f = resolveField(name);
    if (!f || f.kind !== "column") throw new Error(`'${name}' is not an event column`);
    const col = `e."${f.def.column}"`;
    return f.def.kind === "inet" ? `coalesce(host(${col}), '')` : `coalesce(${col}::text, '')`;
  });
  return Prisma.raw(`concat_ws('|', ${parts.join(", ")})`);
}

export async function seedNewValueBaseline(client: PoolClient, ruleId: string, def: NewValueDefinition, now: number): Promise<number> {
  const hours = def.baselineHours ?? 24;
  if (hours === 0) return 0;
  const sql = Prisma.sql`
    INSERT INTO rule_values (rule_id, value_key, first_seen, alert_window, last_seen)
    SELECT ${ruleId}, x.k, min(x.ts), NULL, max(x.ts) FROM (
      SELECT ${keySql(def.fields)} AS k, e.ts FROM events e
      WHERE e.ts >= ${new Date(now - hours * 3_600_000)} AND e.ts <= ${new Date(now)} AND (${compileWhere(parseQuery(def.query))})
    ) x GROUP BY x.k
    ON CONFLICT DO NOTHING`;
  const r = await client.query(sql.text, sql.values as unknown[]);
  return r.rowCount ?? 0;
}

export async function evaluateNewValue(client: PoolClient, rule: WindowedRule, def: NewValueDefinition, rows: ScanRow[]): Promise<Effects> {
  const effects: Effects = { alerts: [], suppressed: [] };
  if (rows.length === 0) return effects;
  const W = (def.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60_000;
  const byKey = new Map<string, ScanRow[]>();
  for (const r of rows) {
    const k = groupKeyOf(r, def.fields);
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const keys = [...byKey.keys()];
  const { rows: known } = await client.query<{ value_key: string; alert_window: Date | null }>(
    `SELECT value_key, alert_window FROM rule_values WHERE rule_id = $1 AND value_key = ANY($2::text[])`,
    [rule.id, keys],
  );
  const windows = new Map(known.map((k) => [k.value_key, k.alert_window]));
  if (known.length) {
    // At most one write a day per combination: enough for a retention measured in days.
    await client.query(
      `UPDATE rule_values SET last_seen = $3 WHERE rule_id = $1 AND value_key = ANY($2::text[]) AND last_seen < $3::timestamptz - interval '1 day'`,
      [rule.id, known.map((k) => k.value_key), new Date(rows.reduce((m, r) => Math.max(m, r.tsMs), 0))],
    );
  }
  const fresh: { key: string; first: ScanRow; window: number | null }[] = [];
  for (const [key, list] of byKey) {
    if (windows.has(key)) continue;
    const first = list.reduce((a, b) => (b.tsMs < a.tsMs ? b : a));
    const sup = rule.suppressions.find((s) => s.test(first));
    if (sup) {
      const ts = list.map((r) => r.tsMs);
      effects.suppressed.push({ suppressionId: sup.id, ruleId: rule.id, groupKey: key, windowStart: new Date(first.tsMs), firstSeen: new Date(Math.min(...ts)), lastSeen: new Date(Math.max(...ts)), count: list.length, sample: { id: first.id, ts: first.tsText } });
      fresh.push({ key, first, window: null });
    } else {
      // The alert covers the new value's first `windowMinutes` (from its first event, not a clock-aligned window).
      const w = first.tsMs;
      fresh.push({ key, first, window: w });
      windows.set(key, new Date(w));
    }
  }
  if (fresh.length) {
    await client.query(
      `INSERT INTO rule_values (rule_id, value_key, first_seen, alert_window, last_seen)
       SELECT $1, k, f, w, f FROM unnest($2::text[], $3::timestamptz[], $4::timestamptz[]) AS t(k, f, w) ON CONFLICT DO NOTHING`,
      [rule.id, fresh.map((f) => f.key), fresh.map((f) => f.first.tsText), fresh.map((f) => (f.window === null ? null : new Date(f.window)))],
    );
  }
  for (const [key, list] of byKey) {
    const w = windows.get(key);
    if (!w) continue;
    const start = w.getTime();
    const inWindow = list.filter((r) => r.tsMs >= start && r.tsMs < start + W);
    if (!inWindow.length) continue;
    const first = inWindow[0];
    effects.alerts.push({
      ruleId: rule.id, groupKey: key, windowStart: w, title: renderTitle(def.title ?? `${rule.name}: ${def.fields.map((f) => `{${f}}`).join(" ")}`, first),
      severity: rule.severity, cluster: String(first.cluster ?? ""), namespace: (first.namespace as string) ?? null, pod: (first.pod as string) ?? null,
      actor: (first.actor as string) ?? null, firstSeen: new Date(first.tsMs), lastSeen: new Date(inWindow[inWindow.length - 1].tsMs), count: 0,
      events: inWindow.map((r) => ({ id: r.id, ts: r.tsText })),
    });
  }
  return effects;
}
