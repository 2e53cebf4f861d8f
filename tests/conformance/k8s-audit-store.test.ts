import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, resetDb } from "../setup/db";
import { normalizeAuditBody } from "../../lib/ingest/audit/normalize";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { syncBuiltinRules } from "../../lib/detect/rules";
import { searchEvents } from "../../lib/search/events";

// Real audit events captured by Falco's authors (and Elastic's test logs), in
// the shared corpus beside the checkout. Users who clone the project won't have it.
const CORPUS = resolve(process.cwd(), "../shared/corpus/k8s-audit");
const present = existsSync(CORPUS);
if (!present) console.warn(`[conformance] corpus not found at ${CORPUS}; skipping the k8s-audit store conformance test`);

function corpusFiles(): string[] {
  const falco = join(CORPUS, "falco-trace-files");
  return [
    ...readdirSync(falco).filter((f) => f.endsWith(".json")).map((f) => join(falco, f)),
    join(CORPUS, "elastic-integrations", "test-audit.log"),
    join(CORPUS, "elastic-integrations", "test-kube-audit.log"),
  ];
}

describe.skipIf(!present)("k8s-audit corpus → stored events", () => {
  const db = testDb();
  const results = new Map<string, { accepted: number; duplicates: number; rejected: number; lines: number; distinct: number }>();
  beforeAll(async () => {
    await resetDb(db);
    await syncBuiltinRules(db);
    for (const file of corpusFiles()) {
      const text = readFileSync(file, "utf8");
      const lines = text.split("\n").map((l) => l.trim()).filter(Boolean);
      const { events, rejected } = normalizeAuditBody(text, "corpus");
      const r = await ingestEvents(db, events, { rejected });
      results.set(file.split("/").pop()!, { accepted: r.accepted, duplicates: r.duplicates, rejected: rejected.length, lines: lines.length, distinct: new Set(lines).size });
    }
  });
  afterAll(() => db.pool.end());

  it("stores every distinct audit line of every file; identical lines once", () => {
    for (const [name, r] of results) {
      if (name === "fal_01_003.json") continue;
      expect(r.rejected, name).toBe(0);
      expect(r.accepted, name).toBe(r.distinct);
      expect(r.accepted + r.duplicates, name).toBe(r.lines);
    }
  });

  it("rejects fal_01_003.json (not an audit event) cleanly", () => {
    expect(results.get("fal_01_003.json")).toMatchObject({ accepted: 0, rejected: 1 });
  });

  it("stored count equals the sum of accepted records", async () => {
    const total = [...results.values()].reduce((s, r) => s + r.accepted, 0);
    const { rows } = await db.pool.query("SELECT count(*)::int AS n FROM events WHERE cluster IN ('corpus', 'test-cluster')");
    expect(rows[0].n).toBe(total);
  });

  it("normalizes the exec, attach and anonymous events exactly", async () => {
    const range = { from: "2018-01-01T00:00:00Z", to: "now", limit: 50 };
    const exec = await searchEvents(db, { q: "subresource:exec", ...range });
    expect(exec.events).toHaveLength(1);
    expect(exec.events[0]).toMatchObject({
      layer: "audit", verb: "create", resource: "pods", subresource: "exec", namespace: "default",
      pod: "nginx-deployment-7998647bdf-phvq7", actor: "minikube-user", code: 101, ts: "2018-10-26T13:38:34.902914Z",
    });
    const attach = await searchEvents(db, { q: "subresource:attach", ...range });
    expect(attach.events[0]).toMatchObject({ verb: "create", pod: "nginx-deployment-7998647bdf-phvq7" });
    const anon = await searchEvents(db, { q: "actor:system:anonymous", ...range });
    expect(anon.events[0]).toMatchObject({ actorType: "anonymous", resource: "namespaces", objectName: "foo", code: 201 });
  });

  it("the exec rule fires on the captured exec and attach, and on nothing else", async () => {
    // The whole pack against the corpus is tests/conformance/detect-corpus.test.ts.
    const alerts = await db.prisma.alert.findMany({ where: { cluster: "corpus", ruleId: "k8s.pod-exec-attach" }, include: { events: true } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].events).toHaveLength(2);
  });
});
