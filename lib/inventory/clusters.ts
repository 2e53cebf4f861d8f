import "server-only";
import type { Db } from "@/lib/db";
import { LAYERS, type Layer } from "@/lib/events/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { HttpError } from "@/lib/http/errors";
import { bucketSeconds, timeRange } from "@/lib/search/events";
import { noAlerts, openAlertCounts, openAlertsOf } from "./alerts";
import { getCoverage } from "./coverage-store";
import type { RangeParams } from "./params";
import { ACTIVITY_BUCKET_MS, ACTOR_BUCKET_MS } from "./rollups";
import { recentEvents, run } from "./sql";
import { tamperingSignals } from "./tampering";
import type { ActorActivity, ClusterOverview, ClusterSummary, LayerHistogram, Sparkline } from "./types";

type Bucketing = { secs: number; origin: Date; fromBucket: Date };

/** Bucket size for about `target` buckets over the range, never finer than the rollups' minute. */
function bucketing(from: Date, to: Date, target: number): Bucketing {
  const secs = Math.max(ACTIVITY_BUCKET_MS / 1000, bucketSeconds(to.getTime() - from.getTime(), target));
  const origin = new Date(Math.floor(from.getTime() / (secs * 1000)) * secs * 1000);
  // Rollup buckets are minute starts: the minute holding `from` is the first one that overlaps the range.
  const fromBucket = new Date(Math.floor(from.getTime() / ACTIVITY_BUCKET_MS) * ACTIVITY_BUCKET_MS);
  return { secs, origin, fromBucket };
}

type ActivityRow = { cluster: string; b: Date; layer: string; n: string };

/** Events per bucket, cluster and layer from activity_rollups (never from the events table). */
async function activity(db: Db, clusters: string[], from: Date, to: Date, bk: Bucketing): Promise<ActivityRow[]> {
  return run<ActivityRow>(db, Prisma.sql`
    SELECT cluster, date_bin(make_interval(secs => ${bk.secs}), bucket, ${bk.origin}::timestamptz) AS b, layer, sum(events)::bigint AS n
    FROM activity_rollups
    WHERE cluster = ANY(${clusters}::text[]) AND bucket >= ${bk.fromBucket} AND bucket <= ${to}
    GROUP BY 1, 2, 3`);
}

function emptyBuckets(bk: Bucketing, to: Date): number[] {
  const out: number[] = [];
  for (let t = bk.origin.getTime(); t <= to.getTime(); t += bk.secs * 1000) out.push(t);
  return out;
}

/** The clusters page: one summary per cluster, with a sparkline of the range. */
export async function listClusters(db: Db, p: RangeParams, now = Date.now()): Promise<{ range: { from: string; to: string }; clusters: ClusterSummary[] }> {
  const { from, to } = timeRange(p.from, p.to, now);
  const rows = await db.prisma.cluster.findMany({ orderBy: { name: "asc" } });
  const names = rows.map((r) => r.name);
  const bk = bucketing(from, to, 48);
  const [act, alerts, coverage] = await Promise.all([activity(db, names, from, to, bk), openAlertCounts(db), getCoverage(db, names, now)]);
  const minutes = Math.max(1, (to.getTime() - from.getTime()) / 60_000);
  const clusters = rows.map((c): ClusterSummary => {
    const perBucket = new Map<number, number>();
    let total = 0;
    for (const r of act) {
      if (r.cluster !== c.name) continue;
      perBucket.set(r.b.getTime(), (perBucket.get(r.b.getTime()) ?? 0) + Number(r.n));
      total += Number(r.n);
    }
    const sparkline: Sparkline = {
      intervalMs: bk.secs * 1000,
      points: emptyBuckets(bk, to).map((t) => ({ ts: new Date(t).toISOString(), events: perBucket.get(t) ?? 0 })),
    };
    return {
      name: c.name, firstSeen: c.firstSeen.toISOString(), lastSeen: c.lastSeen.toISOString(), events: total,
      eventsPerMinute: Math.round((total / minutes) * 10) / 10, sparkline, openAlerts: alerts.get(c.name) ?? noAlerts(),
      coverage: coverage.find((x) => x.cluster === c.name)!.coverage,
    };
  });
  return { range: { from: from.toISOString(), to: to.toISOString() }, clusters };
}

async function histogramOf(db: Db, cluster: string, from: Date, to: Date): Promise<LayerHistogram> {
  const bk = bucketing(from, to, 100);
  const rows = await activity(db, [cluster], from, to, bk);
  const map = new Map<number, LayerHistogram["buckets"][number]>();
  for (const t of emptyBuckets(bk, to)) map.set(t, { ts: new Date(t).toISOString(), total: 0, byLayer: {} });
  for (const r of rows) {
    const b = map.get(r.b.getTime());
    if (!b || !(LAYERS as readonly string[]).includes(r.layer)) continue;
    const l = r.layer as Layer;
    b.byLayer[l] = (b.byLayer[l] ?? 0) + Number(r.n);
    b.total += Number(r.n);
  }
  return { from: from.toISOString(), to: to.toISOString(), intervalMs: bk.secs * 1000, buckets: [...map.values()] };
}

/** API actors (audit layer) ranked by requests and by 401/403 answers, from actor_rollups. */
async function topActors(db: Db, cluster: string, from: Date, to: Date, limit = 10): Promise<ClusterOverview["topActors"]> {
  const fromBucket = new Date(Math.floor(from.getTime() / ACTOR_BUCKET_MS) * ACTOR_BUCKET_MS);
  const rows = await run<{ k: string; actor: string; t: string | null; n: string; d: string }>(db, Prisma.sql`
    WITH a AS (
      SELECT actor, max(actor_type) AS t, sum(events)::bigint AS n, sum(denied)::bigint AS d
      FROM actor_rollups WHERE cluster = ${cluster} AND bucket >= ${fromBucket} AND bucket <= ${to}
      GROUP BY actor)
    (SELECT 'activity' AS k, * FROM a ORDER BY n DESC, actor LIMIT ${limit})
    UNION ALL
    (SELECT 'denied' AS k, * FROM a WHERE d > 0 ORDER BY d DESC, actor LIMIT ${limit})`);
  const dto = (r: (typeof rows)[number]): ActorActivity => ({ actor: r.actor, actorType: r.t, events: Number(r.n), denied: Number(r.d) });
  return {
    byActivity: rows.filter((r) => r.k === "activity").map(dto),
    byDenied: rows.filter((r) => r.k === "denied").map(dto),
    bucketMinutes: ACTOR_BUCKET_MS / 60_000,
  };
}

export async function requireCluster(db: Db, name: string) {
  const c = await db.prisma.cluster.findUnique({ where: { name } });
  if (!c) throw new HttpError(404, "cluster not found");
  return c;
}

/** Everything the cluster page shows above its entity lists. */
export async function getClusterOverview(db: Db, name: string, p: RangeParams, now = Date.now()): Promise<ClusterOverview> {
  const { from, to } = timeRange(p.from, p.to, now);
  const c = await requireCluster(db, name);
  const [counts, histogram, actors, openAlerts, alertCounts, highSeverity, tampering, coverage] = await Promise.all([
    run<{ nodes: string; namespaces: string; pods: string; containers: string }>(db, Prisma.sql`
      SELECT (SELECT count(*) FROM nodes WHERE cluster = ${name}) AS nodes,
             (SELECT count(*) FROM namespaces WHERE cluster = ${name}) AS namespaces,
             (SELECT count(*) FROM pods WHERE cluster = ${name}) AS pods,
             (SELECT count(*) FROM containers WHERE cluster = ${name}) AS containers`),
    histogramOf(db, name, from, to),
    topActors(db, name, from, to),
    openAlertsOf(db, name),
    openAlertCounts(db).then((m) => m.get(name) ?? noAlerts()),
    // Literal severities: the partial index events_high_severity_idx has the same predicate.
    recentEvents(db, Prisma.sql`e.cluster = ${name} AND e.severity IN ('error', 'critical', 'alert', 'emergency')`, from, to, 50),
    tamperingSignals(db, name, from, to),
    getCoverage(db, [name], now),
  ]);
  const n = counts[0];
  return {
    range: { from: from.toISOString(), to: to.toISOString() },
    cluster: { name: c.name, firstSeen: c.firstSeen.toISOString(), lastSeen: c.lastSeen.toISOString() },
    counts: { nodes: Number(n.nodes), namespaces: Number(n.namespaces), pods: Number(n.pods), containers: Number(n.containers) },
    histogram,
    topActors: actors,
    openAlerts,
    openAlertCounts: alertCounts,
    highSeverity,
    tampering,
    coverage: coverage[0].coverage,
  };
}
