import type { Db } from "@/lib/db";
import type { NormalizedEvent } from "@/lib/events/types";
import { ensurePartitions } from "@/lib/events/partitions";
import { insertEvents, prepareBatch } from "@/lib/events/store";
import { upsertEntities } from "@/lib/inventory/upsert";
import { loadMatchRules } from "@/lib/detect/rules";
import { raiseAlerts, type RuleHit } from "@/lib/alerts/raise";
import { alertsCreatedInTransaction, notifyNewAlerts } from "@/lib/notify/notify";
import { enrichFromContainers, flagReusedAuditIds } from "./enrich";
import { recordBatch } from "./quarantine";
import type { Rejected } from "./types";

export type IngestResult = { accepted: number; duplicates: number; quarantined: number; alerts: { created: number; updated: number } };

export type IngestOptions = {
  tokenId?: string;
  /** the endpoint's format, for per-source counters and the quarantine */
  source?: string;
  cluster?: string;
  rejected?: Rejected[];
};

/**
 * Stores a normalized batch: events (deduplicated, flagged, enriched), entity
 * first/last seen, alerts from match rules, quarantined records and counters,
 * all in one transaction — when this resolves everything is committed, when
 * it throws nothing is.
 */
export async function ingestEvents(db: Db, events: NormalizedEvent[], opts: IngestOptions = {}): Promise<IngestResult> {
  const rejected = opts.rejected ?? [];
  if (events.length === 0 && rejected.length === 0) return { accepted: 0, duplicates: 0, quarantined: 0, alerts: { created: 0, updated: 0 } };
  await ensurePartitions(db, events.map((e) => e.ts));
  const rules = await loadMatchRules(db);
  const batch = prepareBatch(events);
  const client = await db.pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    await enrichFromContainers(client, events);
    await flagReusedAuditIds(client, batch);
    const { inserted, duplicates } = await insertEvents(client, batch);
    const fresh = inserted.map((i) => events[i.index]);
    await upsertEntities(client, fresh);
    const hits: RuleHit[] = [];
    for (const ins of inserted) {
      const e = events[ins.index];
      for (const rule of rules) if (rule.matches(e)) hits.push({ rule, event: e, eventId: ins.id });
    }
    const alerts = await raiseAlerts(client, hits);
    const created = alerts.created > 0 ? await alertsCreatedInTransaction(client) : [];
    await recordBatch(client, { tokenId: opts.tokenId, source: opts.source ?? "api", cluster: opts.cluster ?? events[0]?.cluster ?? "unknown", accepted: inserted.length, duplicates, rejected });
    await client.query("COMMIT");
    // Webhooks only for what is committed, and never holding up the shipper's answer.
    if (created.length) void notifyNewAlerts(db, created).catch(() => {});
    return { accepted: inserted.length, duplicates, quarantined: rejected.length, alerts };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    // A connection that failed mid-transaction is discarded, not reused.
    client.release(broken);
  }
}
