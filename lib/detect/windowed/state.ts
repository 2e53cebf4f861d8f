/** Checkpoint and per-rule state of the windowed loop (table detection_state), read and written inside its transaction. */
import type { PoolClient } from "pg";

export async function readState<T>(client: PoolClient, key: string): Promise<T | null> {
  const { rows } = await client.query<{ value: T }>(`SELECT value FROM detection_state WHERE key = $1`, [key]);
  return rows[0]?.value ?? null;
}

export async function writeState(client: PoolClient, key: string, value: unknown): Promise<void> {
  await client.query(
    `INSERT INTO detection_state (key, value, updated_at) VALUES ($1, $2::jsonb, now())
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()
     WHERE detection_state.value IS DISTINCT FROM EXCLUDED.value`,
    [key, JSON.stringify(value)],
  );
}

/** Forgets a rule's windowed state (after its definition changed, old windows mean nothing). */
export async function clearRuleState(client: PoolClient, ruleId: string): Promise<void> {
  await client.query(`DELETE FROM detection_state WHERE key = $1`, [`rule:${ruleId}`]);
  await client.query(`DELETE FROM rule_values WHERE rule_id = $1`, [ruleId]);
}

/** Where the loop keeps each failing rule's error, for the Rules screens (detection_state). */
export const ERRORS_KEY = "errors";
export type RuleErrors = Record<string, { message: string; since: string; at: string }>;

/** This run's errors; `since` carries over while a rule keeps failing with the same message. */
export function ruleErrors(previous: RuleErrors | null, errors: Record<string, string>, now: number): RuleErrors {
  const at = new Date(now).toISOString();
  return Object.fromEntries(Object.entries(errors).map(([id, message]) => {
    const before = previous?.[id];
    return [id, { message, since: before?.message === message ? before.since : at, at }];
  }));
}
