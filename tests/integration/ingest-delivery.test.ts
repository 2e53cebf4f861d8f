import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, resetDb } from "../setup/db";
import { auditEvent } from "../setup/fixtures";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { normalizeAuditEvent } from "../../lib/ingest/audit/normalize";
import { createIngestToken } from "../../lib/auth/tokens";
import { emptyEvent } from "../../lib/events/types";
import { searchEvents } from "../../lib/search/events";

const db = testDb();
beforeAll(() => resetDb(db));
afterAll(() => db.pool.end());

describe("delivery semantics", () => {
  it("rejected records go to quarantine with raw text and reason; counters per token and source", async () => {
    const t = await createIngestToken(db, { cluster: "q-test" });
    const good = normalizeAuditEvent(auditEvent({ name: "q-good" }), "q-test");
    await ingestEvents(db, [good], { tokenId: t.id, source: "k8s-audit", cluster: "q-test", rejected: [{ index: 1, reason: "not JSON", raw: "{oops" }] });
    const q = await db.prisma.quarantine.findMany({ where: { tokenId: t.id } });
    expect(q).toEqual([expect.objectContaining({ source: "k8s-audit", recordIndex: 1, reason: "not JSON", raw: "{oops", cluster: "q-test" })]);
    const stats = await db.prisma.ingestStat.findUniqueOrThrow({ where: { tokenId_source: { tokenId: t.id, source: "k8s-audit" } } });
    expect([Number(stats.batches), Number(stats.accepted), Number(stats.quarantined)]).toEqual([1, 1, 1]);
  });

  it("two different events claiming the same auditID + stage are both kept and flagged", async () => {
    const a = auditEvent({ name: "claim-a", verb: "get" });
    const b = { ...auditEvent({ name: "claim-b", verb: "delete" }), auditID: a.auditID };
    await ingestEvents(db, [normalizeAuditEvent(a, "flag-test")]);
    const r = await ingestEvents(db, [normalizeAuditEvent(b, "flag-test")]);
    expect(r.accepted).toBe(1);
    const found = await searchEvents(db, { q: "flags:audit-id-reused", from: "now-1h", to: "now+1m", limit: 10 });
    expect(found.events.map((e) => e.objectName).sort()).toEqual(["claim-a", "claim-b"]);
    // An exact replay is a duplicate, not a conflict.
    const again = await ingestEvents(db, [normalizeAuditEvent(a, "flag-test")]);
    expect(again).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it("a dedup key (Falcosidekick uuid) makes differently serialized copies one event", async () => {
    const ts = new Date();
    const mk = (extra: object) => emptyEvent({ ts, cluster: "dk", layer: "runtime", source: "falcosidekick", message: "shell", dedupKey: "uuid-1", attributes: { uuid: "uuid-1", ...extra } });
    expect(await ingestEvents(db, [mk({ a: 1 })])).toMatchObject({ accepted: 1 });
    expect(await ingestEvents(db, [mk({ b: 2 })])).toMatchObject({ accepted: 0, duplicates: 1 });
  });

  it("a runtime alert with only a container id gets its pod from container logs seen earlier", async () => {
    const ts = new Date();
    const log = emptyEvent({ ts, cluster: "enrich", layer: "container", source: "fluent-bit", message: "hello", namespace: "shop", pod: "cart-1", container: "app", node: "n1", containerId: "abcdef123456" });
    await ingestEvents(db, [log]);
    const falco = emptyEvent({ ts: new Date(ts.getTime() + 1000), cluster: "enrich", layer: "runtime", source: "falco", message: "Terminal shell in container", containerId: "abcdef123456", severity: "notice" });
    await ingestEvents(db, [falco]);
    const found = await searchEvents(db, { q: "layer:runtime AND cluster:enrich", from: "now-1h", to: "now+1m", limit: 5 });
    expect(found.events[0]).toMatchObject({ namespace: "shop", pod: "cart-1", container: "app", node: "n1", flags: ["enriched-from-container-id"] });
  });
});

describe("hostile content never fails the batch", () => {
  const distinctWords = (n: number) => Array.from({ length: n }, (_, i) => `w${i.toString(36)}x${(i * 7919).toString(36)}`).join(" ");

  it("NUL characters and a message with a million characters of distinct words are stored next to a good record", async () => {
    const ts = new Date();
    const base = { ts, cluster: "hostile", layer: "container", source: "fluent-bit" } as const;
    const good = emptyEvent({ ...base, message: "ordinary line", pod: "ok-1" });
    const nul = emptyEvent({ ...base, message: "before\u0000after", pod: "nul\u0000pod", attributes: { log: "x\u0000y", "k\u0000": 1 } });
    const huge = emptyEvent({ ...base, message: `${distinctWords(120_000)} needle-at-the-end`, pod: "huge-1" });
    const r = await ingestEvents(db, [good, nul, huge]);
    expect(r.accepted).toBe(3);
    const found = await searchEvents(db, { q: "cluster:hostile", from: "now-1h", to: "now+1m", limit: 10 });
    expect(found.events.map((e) => e.pod).sort()).toEqual(["huge-1", "nul\uFFFDpod", "ok-1"]);
    expect(found.events.find((e) => e.pod === "nul\uFFFDpod")?.message).toBe("before\uFFFDafter");
    const words = await searchEvents(db, { q: "cluster:hostile before", from: "now-1h", to: "now+1m", limit: 10 });
    expect(words.events.map((e) => e.pod)).toEqual(["nul\uFFFDpod"]);
  });
});
