import type { PoolClient } from "pg";
import type { Db } from "@/lib/db";
import type { NormalizedEvent } from "@/lib/events/types";

/** Severities counted as "high" on the entity pages (and in activity_rollups.high). */
export const HIGH_SEVERITIES = ["error", "critical", "alert", "emergency"] as const;
const HIGH = new Set<string>(HIGH_SEVERITIES);
/** Rollup grain: activity per minute, API actors per 5 minutes. */
export const ACTIVITY_BUCKET_MS = 60_000;
export const ACTOR_BUCKET_MS = 5 * 60_000;

const SEP = "\u0000";
const sortedEntries = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const iso = (t: number) => new Date(t).toISOString();

type SourceSeen = { first: number; last: number; n: number };
type Activity = { n: number; high: number };
type ActorCount = { type: string | null; n: number; denied: number };

/**
 * Adds a batch of freshly stored events to the coverage and activity
 * aggregates (layer_sources, activity_rollups, actor_rollups). Runs in the
 * ingest transaction after the entity upserts, keys sorted, so concurrent
 * batches take row locks in one order.
 */
export async function upsertRollups(client: PoolClient, events: NormalizedEvent[], now = Date.now()): Promise<void> {
  if (events.length === 0) return;
  const sources = new Map<string, SourceSeen>();
  const activity = new Map<string, Activity>();
  const actors = new Map<string, ActorCount>();
  for (const e of events) {
    const t = e.ts.getTime();
    // A source stamping events in the future (clock skew) must not look alive forever.
    const seen = Math.min(t, now);
    const sk = e.cluster + SEP + e.layer + SEP + e.source;
    const s = sources.get(sk);
    if (s) {
      if (t < s.first) s.first = t;
      if (seen > s.last) s.last = seen;
      s.n++;
    } else sources.set(sk, { first: t, last: seen, n: 1 });

    const ak = e.cluster + SEP + (Math.floor(t / ACTIVITY_BUCKET_MS) * ACTIVITY_BUCKET_MS) + SEP + e.layer;
    const a = activity.get(ak) ?? { n: 0, high: 0 };
    a.n++;
    if (HIGH.has(e.severity)) a.high++;
    activity.set(ak, a);

    if (e.layer === "audit" && e.actor) {
      const k = e.cluster + SEP + (Math.floor(t / ACTOR_BUCKET_MS) * ACTOR_BUCKET_MS) + SEP + e.actor;
      const c = actors.get(k) ?? { type: e.actorType, n: 0, denied: 0 };
      c.n++;
      if (e.code === 401 || e.code === 403) c.denied++;
      actors.set(k, c);
    }
  }

  const src = sortedEntries(sources).map(([k, v]) => ({ k: k.split(SEP), v }));
  await client.query(
    `INSERT INTO layer_sources (cluster, layer, source, first_seen, last_seen, events)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::bigint[])
     ON CONFLICT (cluster, layer, source) DO UPDATE SET first_seen = LEAST(layer_sources.first_seen, EXCLUDED.first_seen),
       last_seen = GREATEST(layer_sources.last_seen, EXCLUDED.last_seen), last_received_at = now(),
       events = layer_sources.events + EXCLUDED.events`,
    [src.map((r) => r.k[0]), src.map((r) => r.k[1]), src.map((r) => r.k[2]), src.map((r) => iso(r.v.first)), src.map((r) => iso(r.v.last)), src.map((r) => r.v.n)],
  );

  const act = sortedEntries(activity).map(([k, v]) => ({ k: k.split(SEP), v }));
  await client.query(
    `INSERT INTO activity_rollups (cluster, bucket, layer, events, high)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::int[], $5::int[])
     ON CONFLICT (cluster, bucket, layer) DO UPDATE SET events = activity_rollups.events + EXCLUDED.events,
       high = activity_rollups.high + EXCLUDED.high`,
    [act.map((r) => r.k[0]), act.map((r) => iso(Number(r.k[1]))), act.map((r) => r.k[2]), act.map((r) => r.v.n), act.map((r) => r.v.high)],
  );

  if (actors.size === 0) return;
  const who = sortedEntries(actors).map(([k, v]) => ({ k: k.split(SEP), v }));
  await client.query(
    `INSERT INTO actor_rollups (cluster, bucket, actor, actor_type, events, denied)
     SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::int[], $6::int[])
     ON CONFLICT (cluster, bucket, actor) DO UPDATE SET events = actor_rollups.events + EXCLUDED.events,
       denied = actor_rollups.denied + EXCLUDED.denied, actor_type = COALESCE(actor_rollups.actor_type, EXCLUDED.actor_type)`,
    [who.map((r) => r.k[0]), who.map((r) => iso(Number(r.k[1]))), who.map((r) => r.k[2]), who.map((r) => r.v.type), who.map((r) => r.v.n), who.map((r) => r.v.denied)],
  );
}

/** Drops aggregates older than the events' retention (called by the hourly maintenance). */
export async function pruneRollups(db: Db, before: Date): Promise<void> {
  await db.pool.query("DELETE FROM activity_rollups WHERE bucket < $1", [before]);
  await db.pool.query("DELETE FROM actor_rollups WHERE bucket < $1", [before]);
}
