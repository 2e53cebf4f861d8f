import "server-only";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { LAYERS, type Layer } from "@/lib/events/types";
import { HttpError } from "@/lib/http/errors";
import { coverageOf, thresholdFor } from "./coverage";
import type { CoveragePatch } from "./params";
import type { ClusterCoverage, CoverageSource } from "./types";

function isLayer(s: string): s is Layer {
  return (LAYERS as readonly string[]).includes(s);
}

/**
 * Coverage of the named clusters (all known clusters when `clusters` is
 * undefined), from layer_sources and the admins' thresholds — no event scans.
 */
export async function getCoverage(db: Db, clusters?: string[], now = Date.now()): Promise<ClusterCoverage[]> {
  const names = clusters ?? (await db.prisma.cluster.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((c) => c.name);
  if (names.length === 0) return [];
  const [sources, settings] = await Promise.all([
    db.prisma.layerSource.findMany({ where: { cluster: { in: names } }, orderBy: [{ layer: "asc" }, { source: "asc" }] }),
    db.prisma.coverageSetting.findMany({ where: { cluster: { in: names } } }),
  ]);
  return names.map((cluster) => {
    const mine = sources.filter((s) => s.cluster === cluster && isLayer(s.layer));
    const lastSeen: Partial<Record<Layer, Date>> = {};
    for (const s of mine) {
      const l = s.layer as Layer;
      if (!lastSeen[l] || s.lastSeen > lastSeen[l]) lastSeen[l] = s.lastSeen;
    }
    const set: Partial<Record<Layer, number>> = {};
    for (const s of settings) if (s.cluster === cluster && isLayer(s.layer)) set[s.layer] = s.silenceMinutes;
    const thresholds = Object.fromEntries(LAYERS.map((l) => [l, thresholdFor(set, l)])) as Record<Layer, number>;
    return {
      cluster,
      coverage: coverageOf(lastSeen, thresholds, now),
      thresholds,
      sources: mine.map((s): CoverageSource => ({
        layer: s.layer as Layer, source: s.source, firstSeen: s.firstSeen.toISOString(), lastSeen: s.lastSeen.toISOString(),
        lastReceivedAt: s.lastReceivedAt.toISOString(), events: Number(s.events),
      })),
    };
  });
}

export async function getClusterCoverage(db: Db, cluster: string, now = Date.now()): Promise<ClusterCoverage> {
  const exists = await db.prisma.cluster.findUnique({ where: { name: cluster }, select: { name: true } });
  if (!exists) throw new HttpError(404, "cluster not found");
  const [c] = await getCoverage(db, [cluster], now);
  return c;
}

/** Sets silence thresholds (minutes) of a cluster's layers; recorded in the audit trail with the old values. */
export async function setCoverageThresholds(db: Db, user: SessionUser, cluster: string, patch: CoveragePatch): Promise<ClusterCoverage> {
  const exists = await db.prisma.cluster.findUnique({ where: { name: cluster }, select: { name: true } });
  if (!exists) throw new HttpError(404, "cluster not found");
  const entries = Object.entries(patch.thresholds).filter((e): e is [Layer, number] => typeof e[1] === "number");
  if (entries.length === 0) throw new HttpError(400, "no thresholds given");
  await db.prisma.$transaction(async (tx) => {
    const before = await tx.coverageSetting.findMany({ where: { cluster, layer: { in: entries.map(([l]) => l) } } });
    for (const [layer, silenceMinutes] of entries) {
      await tx.coverageSetting.upsert({
        where: { cluster_layer: { cluster, layer } },
        create: { cluster, layer, silenceMinutes },
        update: { silenceMinutes },
      });
    }
    await appendAudit(tx, {
      userId: user.id, action: "coverage.thresholds", target: `cluster:${cluster}`,
      details: {
        from: Object.fromEntries(before.map((b) => [b.layer, b.silenceMinutes])),
        to: Object.fromEntries(entries),
      },
    });
  });
  return getClusterCoverage(db, cluster);
}
