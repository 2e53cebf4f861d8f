import type { PoolClient } from "pg";
import type { Rejected } from "./types";
import { MAX_RAW_CHARS } from "./types";
import { cleanText } from "@/lib/events/sanitize";

/**
 * Keeps every rejected record with its raw text and reason (so nothing a
 * shipper sent is silently lost), and counts the batch per token and source.
 */
export async function recordBatch(
  client: PoolClient,
  b: { tokenId?: string; source: string; cluster: string; accepted: number; duplicates: number; rejected: Rejected[] },
): Promise<void> {
  if (b.rejected.length) {
    await client.query(
      `INSERT INTO quarantine (token_id, cluster, source, record_index, reason, raw)
       SELECT $1, $2, $3, * FROM unnest($4::int[], $5::text[], $6::text[])`,
      [b.tokenId ?? null, b.cluster, b.source, b.rejected.map((r) => r.index), b.rejected.map((r) => cleanText(r.reason).slice(0, 2000)),
        b.rejected.map((r) => cleanText(r.raw.slice(0, MAX_RAW_CHARS)))],
    );
  }
  if (!b.tokenId) return;
  await client.query(
    `UPDATE ingest_tokens SET accepted = accepted + $2, duplicates = duplicates + $3, rejected = rejected + $4, last_used_at = now() WHERE id = $1`,
    [b.tokenId, b.accepted, b.duplicates, b.rejected.length],
  );
  await client.query(
    `INSERT INTO ingest_stats (token_id, source, batches, accepted, duplicates, quarantined, last_seen_at)
     VALUES ($1, $2, 1, $3, $4, $5, now())
     ON CONFLICT (token_id, source) DO UPDATE SET batches = ingest_stats.batches + 1,
       accepted = ingest_stats.accepted + EXCLUDED.accepted, duplicates = ingest_stats.duplicates + EXCLUDED.duplicates,
       quarantined = ingest_stats.quarantined + EXCLUDED.quarantined, last_seen_at = now()`,
    [b.tokenId, b.source, b.accepted, b.duplicates, b.rejected.length],
  );
}
