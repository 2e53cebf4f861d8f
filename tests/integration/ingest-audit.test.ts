import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, resetDb } from "../setup/db";
import { auditEvent, execEvent, eventList } from "../setup/fixtures";
import { normalizeAuditBody } from "../../lib/ingest/audit/normalize";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { syncBuiltinRules } from "../../lib/detect/rules";
import { createIngestToken } from "../../lib/auth/tokens";
import { searchEvents } from "../../lib/search/events";

const db = testDb();
beforeAll(async () => {
  await resetDb(db);
  await syncBuiltinRules(db);
});
afterAll(() => db.pool.end());

async function post(body: string, cluster = "prod-eu-1", tokenId?: string) {
  const { events, rejected } = normalizeAuditBody(body, cluster);
  const r = await ingestEvents(db, events, { tokenId, rejected, source: "k8s-audit" });
  return { ...r, rejected: rejected.length };
}

describe("audit ingest pipeline (real PostgreSQL)", () => {
  it("stores an EventList, counts, and keeps entity first/last seen", async () => {
    const t0 = new Date(Date.now() - 60_000);
    const t1 = new Date();
    const body = JSON.stringify(eventList([auditEvent({ at: t0 }), auditEvent({ at: t1, verb: "list", name: "payments-api-7d9f8b6c5-x2k4q" })]));
    const r = await post(body);
    expect(r).toMatchObject({ accepted: 2, duplicates: 0, rejected: 0 });
    const pod = await db.prisma.pod.findUnique({ where: { cluster_namespace_name: { cluster: "prod-eu-1", namespace: "payments", name: "payments-api-7d9f8b6c5-x2k4q" } } });
    expect(pod?.firstSeen.getTime()).toBe(t0.getTime());
    expect(pod?.lastSeen.getTime()).toBe(t1.getTime());
    expect(await db.prisma.cluster.count({ where: { name: "prod-eu-1" } })).toBe(1);
  });

  it("a replayed batch stores nothing twice", async () => {
    const body = [auditEvent(), auditEvent({ verb: "delete" })].map((e) => JSON.stringify(e)).join("\n");
    expect(await post(body)).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(await post(body)).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it("a malformed line is rejected while the good ones are stored", async () => {
    const lines = [JSON.stringify(auditEvent({ name: "good-1" })), "{not json", JSON.stringify({ kind: 0 }), JSON.stringify(auditEvent({ name: "good-2" }))];
    const r = await post(lines.join("\n"));
    expect(r).toMatchObject({ accepted: 2, rejected: 2 });
    const found = await searchEvents(db, { q: "object_name:(good-1 OR good-2)", from: "now-1h", to: "now+1m", limit: 10 });
    expect(found.events.map((e) => e.objectName).sort()).toEqual(["good-1", "good-2"]);
  });

  it("an exec into a pod raises one alert that groups repeats and links every event", async () => {
    const at = new Date();
    const r1 = await post(JSON.stringify(eventList([execEvent({ at, user: "mallory" }), execEvent({ at: new Date(at.getTime() + 1000), user: "mallory" })])));
    expect(r1.alerts.created).toBe(1);
    const r2 = await post(JSON.stringify(execEvent({ at: new Date(at.getTime() + 2000), user: "mallory" })));
    expect(r2.alerts).toEqual({ created: 0, updated: 1 });
    const alerts = await db.prisma.alert.findMany({ where: { actor: "mallory" }, include: { events: true, history: true } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ ruleId: "k8s.pod-exec-attach", count: 3, status: "open", namespace: "payments" });
    expect(alerts[0].events).toHaveLength(3);
    expect(alerts[0].history.map((h) => h.toStatus)).toEqual(["open"]);
  });

  it("a get on a pod raises no alert, and attach does", async () => {
    const before = await db.prisma.alert.count();
    await post(JSON.stringify(auditEvent({ verb: "get", user: "bob" })));
    expect(await db.prisma.alert.count()).toBe(before);
    await post(JSON.stringify(auditEvent({ verb: "create", subresource: "attach", user: "bob" })));
    expect(await db.prisma.alert.count({ where: { actor: "bob" } })).toBe(1);
  });

  it("updates the token's counters", async () => {
    const t = await createIngestToken(db, { cluster: "prod-eu-1" });
    await post([JSON.stringify(auditEvent({ name: "tok-1" })), "garbage"].join("\n"), "prod-eu-1", t.id);
    const row = await db.prisma.ingestToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(Number(row.accepted)).toBe(1);
    expect(Number(row.rejected)).toBe(1);
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("stores events from long ago in their own partition", async () => {
    const old = new Date("2019-03-04T05:06:07.123Z");
    expect(await post(JSON.stringify(auditEvent({ at: old, name: "old-pod" })))).toMatchObject({ accepted: 1 });
    const { rows } = await db.pool.query("SELECT tableoid::regclass::text AS part FROM events WHERE object_name = 'old-pod'");
    expect(rows[0].part).toBe("events_p20190304");
  });
});
