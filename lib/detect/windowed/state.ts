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
