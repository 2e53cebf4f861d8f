/**
 * Logging coverage: every layer reports, then one stops — its cell turns red
 * (silent) once it has been quiet past its threshold; admins move thresholds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDb } from "../setup/db";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { emptyEvent, LAYERS, type Layer } from "../../lib/events/types";
import { createUser } from "../../lib/auth/users";
import { getClusterCoverage, getCoverage, setCoverageThresholds } from "../../lib/inventory/coverage-store";
import { getClusterOverview } from "../../lib/inventory/clusters";
import { CoveragePatch } from "../../lib/inventory/params";
import type { SessionUser } from "../../lib/auth/roles";

const db = testDb();
const C = "cov-1";
const SOURCE: Record<Layer, string> = { audit: "k8s-audit", "k8s-event": "k8s-events", container: "fluent-bit", node: "journald", runtime: "falco" };
let admin: SessionUser;

/** One event per layer per minute over [fromMin, toMin] minutes ago, for the given layers. */
async function traffic(cluster: string, layers: readonly Layer[], fromMinAgo: number, toMinAgo: number) {
  const now = Date.now();
  const events = [];
  for (let m = fromMinAgo; m >= toMinAgo; m--) {
    for (const layer of layers) {
      events.push(emptyEvent({ ts: new Date(now - m * 60_000), cluster, layer, source: SOURCE[layer], message: `${layer} at -${m}m`, node: "n1" }));
    }
  }
  await ingestEvents(db, events);
}

beforeAll(async () => {
  await resetDb(db);
  admin = await createUser(db, { email: "cov-admin@example.com", password: "correct horse battery", role: "admin" });
  // Everything reports for an hour; then the runtime layer (Falco) stops 40 minutes ago, the rest carry on.
  await traffic(C, LAYERS, 60, 41);
  await traffic(C, LAYERS.filter((l) => l !== "runtime"), 40, 1);
  await traffic("cov-ok", LAYERS, 5, 0);
});
afterAll(() => db.pool.end());

describe("coverage", () => {
  it("all layers recent: every cell reporting, score 100", async () => {
    const [ok] = await getCoverage(db, ["cov-ok"]);
    expect(ok.coverage).toMatchObject({ score: 100, reporting: 5, silent: [] });
  });

  it("one layer stops: it is silent (red) with how long, the score drops by its weight", async () => {
    const c = await getClusterCoverage(db, C);
    expect(c.coverage.silent).toEqual(["runtime"]);
    expect(c.coverage.score).toBe(75);
    const runtime = c.coverage.layers.find((l) => l.layer === "runtime")!;
    expect(runtime.status).toBe("silent");
    expect(runtime.silentForMs! / 60_000).toBeGreaterThan(39);
    expect(runtime.silentForMs! / 60_000).toBeLessThan(42);
    expect(c.sources.find((s) => s.layer === "runtime")).toMatchObject({ source: "falco", events: 20 });
    // The cluster page carries the same coverage, which drives its banner.
    expect((await getClusterOverview(db, C, { from: "now-2h", to: "now" })).coverage.silent).toEqual(["runtime"]);
  });

  it("as time passes without events every layer turns silent", async () => {
    const [later] = await getCoverage(db, [C], Date.now() + 30 * 60_000);
    expect(later.coverage).toMatchObject({ score: 0, reporting: 0 });
    expect(later.coverage.silent).toHaveLength(5);
  });

  it("an admin raises the runtime threshold to an hour: reporting again, and the change is in the audit trail", async () => {
    const after = await setCoverageThresholds(db, admin, C, CoveragePatch.parse({ thresholds: { runtime: 60 } }));
    expect(after.thresholds.runtime).toBe(60);
    expect(after.thresholds.audit).toBe(15);
    expect(after.coverage.silent).toEqual([]);
    const trail = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "coverage.thresholds" } });
    expect(trail).toMatchObject({ userId: admin.id, target: `cluster:${C}`, details: { from: {}, to: { runtime: 60 } } });
    // Lowering it again makes the layer silent again; the trail keeps the old value.
    const back = await setCoverageThresholds(db, admin, C, { thresholds: { runtime: 20 } });
    expect(back.coverage.silent).toEqual(["runtime"]);
    const last = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "coverage.thresholds" }, orderBy: { id: "desc" } });
    expect(last.details).toEqual({ from: { runtime: 60 }, to: { runtime: 20 } });
  });

  it("refuses unknown clusters, empty patches and out-of-range minutes", async () => {
    await expect(setCoverageThresholds(db, admin, "nope", { thresholds: { audit: 5 } })).rejects.toMatchObject({ status: 404 });
    await expect(setCoverageThresholds(db, admin, C, { thresholds: {} })).rejects.toMatchObject({ status: 400 });
    expect(CoveragePatch.safeParse({ thresholds: { audit: 0 } }).success).toBe(false);
    expect(CoveragePatch.safeParse({ thresholds: { audit: 20_000 } }).success).toBe(false);
    expect(CoveragePatch.safeParse({ thresholds: { bogus: 5 } }).success).toBe(false);
    expect(CoveragePatch.safeParse({ thresholds: { audit: 5 }, extra: 1 }).success).toBe(false);
  });
});
