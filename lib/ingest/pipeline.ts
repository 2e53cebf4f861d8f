import type { Db } from "@/lib/db";
import type { NormalizedEvent } from "@/lib/events/types";
import { ensurePartitions } from "@/lib/events/partitions";
import { insertEvents } from "@/lib/events/store";
import { upsertEntities } from "@/lib/inventory/upsert";
import { loadMatchRules } from "@/lib/detect/rules";
import { raiseAlerts, type RuleHit } from "@/lib/alerts/raise";

export type IngestResult = { accepted: number; duplicates: number; alerts: { created: number; updated: number } };

/**
 * Stores a normalized batch: events (deduplicated), entity first/last seen,
 * and alerts from match rules, all in one transaction — when this resolves,
 * everything is committed; when it throws, nothing is.
 */
export async function ingestEvents(db: Db, events: NormalizedEvent[], opts: { tokenId?: string; rejected?: number } = {}): Promise<IngestResult> {
  if (events.length === 0 && !opts.rejected) return { accepted: 0, duplicates: 0, alerts: { created: 0, updated: 0 } };
  await ensurePartitions(db, events.map((e) => e.ts));
  const rules = await loadMatchRules(db);
  const client = await db.pool.connect();
  try {
    await client.query("BEGIN");
    const { inserted, duplicates } = await insertEvents(client, events);
    const fresh = inserted.map((i) => events[i.index]);
    await upsertEntities(client, fresh);
    const hits: RuleHit[] = [];
    for (const ins of inserted) {
      const e = events[ins.index];
      for (const rule of rules) if (rule.matches(e)) hits.push({ rule, event: e, eventId: ins.id });
    }
    const alerts = await raiseAlerts(client, hits);
    if (opts.tokenId) {
      await client.query(
        `UPDATE ingest_tokens SET accepted = accepted + $2, duplicates = duplicates + $3, rejected = rejected + $4, last_used_at = now() WHERE id = $1`,
        [opts.tokenId, inserted.length, duplicates, opts.rejected ?? 0],
      );
    }
    await client.query("COMMIT");
    return { accepted: inserted.length, duplicates, alerts };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
