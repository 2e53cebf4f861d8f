import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDb, resetDb, closeAppDb } from "../setup/db";
import { startRouteServer } from "../setup/route-server";
import { createIngestToken } from "../../lib/auth/tokens";

// Every corpus file in its native wire format, POSTed over HTTP to the endpoint
// its shipper would use. Users who clone the project won't have the corpus.
const CORPUS = resolve(process.cwd(), "../shared/corpus");
const present = existsSync(CORPUS);
if (!present) console.warn(`[conformance] corpus not found at ${CORPUS}; skipping the all-layers HTTP conformance test`);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

type Case = { file: string; path: string; type: string };
function cases(): Case[] {
  const out: Case[] = [];
  for (const f of files(join(CORPUS, "k8s-audit"))) if (/\.(json|log)$/.test(f)) out.push({ file: f, path: "/api/v1/ingest/k8s-audit", type: "application/json" });
  for (const f of files(join(CORPUS, "falco"))) out.push({ file: f, path: "/api/v1/ingest/falco", type: "application/x-ndjson" });
  for (const f of files(join(CORPUS, "container-logs"))) if (/\.(out|log)$/.test(f)) out.push({ file: f, path: "/api/v1/ingest/logs", type: "application/json" });
  for (const f of files(join(CORPUS, "k8s-events"))) out.push({ file: f, path: "/api/v1/ingest/k8s-events", type: "application/json" });
  for (const f of files(join(CORPUS, "otlp"))) if (f.endsWith(".json")) out.push({ file: f, path: "/v1/logs", type: "application/json" });
  return out;
}

describe.skipIf(!present)("corpus → HTTP endpoints → stored events", () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  const db = testDb();
  const answers = new Map<string, { status: number; body: Record<string, unknown> }>();
  let token = "";
  beforeAll(async () => {
    await resetDb(db);
    const mod = async (p: string) => (await import(p)).POST;
    const s = await startRouteServer({
      "/api/v1/ingest/k8s-audit": { POST: await mod("../../app/api/v1/ingest/k8s-audit/route") },
      "/api/v1/ingest/falco": { POST: await mod("../../app/api/v1/ingest/falco/route") },
      "/api/v1/ingest/logs": { POST: await mod("../../app/api/v1/ingest/logs/route") },
      "/api/v1/ingest/k8s-events": { POST: await mod("../../app/api/v1/ingest/k8s-events/route") },
      "/v1/logs": { POST: await mod("../../app/v1/logs/route") },
    });
    ({ token } = await createIngestToken(db, { cluster: "corpus-http" }));
    for (const c of cases()) {
      const r = await fetch(s.url + c.path, { method: "POST", body: readFileSync(c.file), headers: { authorization: `Bearer ${token}`, "content-type": c.type } });
      answers.set(relative(CORPUS, c.file), { status: r.status, body: await r.json() });
    }
    await s.close();
  });
  afterAll(async () => {
    await closeAppDb();
    await db.pool.end();
  });

  it("every file is answered 200 (nothing is lost to a 4xx/5xx)", () => {
    const bad = [...answers].filter(([, a]) => a.status !== 200).map(([f, a]) => `${f}: ${a.status} ${JSON.stringify(a.body)}`);
    expect(bad).toEqual([]);
  });

  it("what is not a record of that endpoint's format is quarantined with a reason, the rest is stored", async () => {
    const rejectedFiles = [...answers].filter(([, a]) => Number(a.body.rejected ?? 0) > 0).map(([f]) => f).sort();
    expect(rejectedFiles).toEqual([
      "container-logs/fluent-bit-kubernetes-filter/log/core/core_base_fluent-bit.log",
      "container-logs/fluent-bit-kubernetes-filter/log/core/core_unescaping_json.log",
      "container-logs/fluent-bit-kubernetes-filter/log/core/core_unescaping_text.log",
      "container-logs/fluent-bit-kubernetes-filter/log/options/options_merge-log-enabled_json.log",
      "k8s-audit/falco-trace-files/fal_01_003.json",
      "k8s-events/elastic-integrations/kubernetes-event-sample_event.json",
    ]);
    const q = await db.prisma.quarantine.count();
    expect(q).toBe(6);
    const reasons = await db.prisma.quarantine.findMany({ select: { reason: true } });
    expect(reasons.every((r) => r.reason.length > 10)).toBe(true);
  });

  it("stores each layer with its Kubernetes identity", async () => {
    const { rows } = await db.pool.query<{ layer: string; n: number }>("SELECT layer, count(*)::int AS n FROM events GROUP BY layer ORDER BY layer");
    const byLayer = Object.fromEntries(rows.map((r) => [r.layer, r.n]));
    expect(byLayer.runtime).toBe(17);
    expect(byLayer.container).toBeGreaterThanOrEqual(12);
    const fluent = await db.pool.query("SELECT count(*)::int AS n FROM events WHERE layer = 'container' AND source = 'fluent-bit'");
    expect(fluent.rows[0].n).toBe(12); // one record per .out file
    expect(byLayer["k8s-event"]).toBeGreaterThanOrEqual(3);
    expect(byLayer.audit).toBeGreaterThanOrEqual(50);
    const base = await db.pool.query("SELECT namespace, pod, container, node FROM events WHERE layer = 'container' AND pod = 'base' LIMIT 1");
    expect(base.rows[0]).toMatchObject({ namespace: "core", pod: "base" });
    // One alert carries k8s.ns.name/k8s.pod.name; the others from the same container.id get them by enrichment.
    const falcoPod = await db.pool.query(
      "SELECT namespace, pod, coalesce(flags, '{}') AS flags, count(*)::int AS n FROM events WHERE layer = 'runtime' AND pod IS NOT NULL GROUP BY 1, 2, 3 ORDER BY n",
    );
    expect(falcoPod.rows).toEqual([
      { namespace: "kubernetes-ns", pod: "kubernetes-pod-1", flags: [], n: 1 },
      { namespace: "kubernetes-ns", pod: "kubernetes-pod-1", flags: ["enriched-from-container-id"], n: expect.any(Number) },
    ]);
    const otlp = await db.pool.query("SELECT count(*)::int AS n FROM events WHERE source = 'otlp'");
    expect(otlp.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it("counts per token and source add up", async () => {
    const stats = await db.prisma.ingestStat.findMany();
    const sum = (k: "accepted" | "duplicates" | "quarantined") => stats.reduce((s, r) => s + Number(r[k]), 0);
    const answered = [...answers.values()].reduce((s, a) => s + Number(a.body.accepted ?? 0), 0);
    const { rows } = await db.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM events");
    expect(sum("accepted")).toBe(rows[0].n);
    expect(sum("quarantined")).toBe(6);
    expect(new Set(stats.map((s) => s.source))).toEqual(new Set(["k8s-audit", "falco", "logs", "k8s-events", "otlp"]));
    expect(answered).toBeGreaterThan(0);
  });
});
