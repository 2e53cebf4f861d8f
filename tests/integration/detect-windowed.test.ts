import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDb, resetDb } from "../setup/db";
import { auditEvent, execEvent } from "../setup/fixtures";
import { normalizeAuditEvent } from "../../lib/ingest/audit/normalize";
import { normalizeFalcoAlert } from "../../lib/ingest/falco/normalize";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { syncBuiltinRules, invalidateRuleCache } from "../../lib/detect/rules";
import { runWindowedRules } from "../../lib/detect/windowed/run";
import { getRule, listRules } from "../../lib/detect/admin";
import { runMaintenance } from "../../lib/events/maintenance";
import { backtestRule } from "../../lib/detect/backtest";
import { createSuppression } from "../../lib/alerts/suppress";
import { createUser } from "../../lib/auth/users";
import { emptyEvent } from "../../lib/events/types";

const db = testDb();
const CLUSTER = "win";
const MIN = 60_000;

async function ingestAudit(records: object[]) {
  await ingestEvents(db, records.map((r) => normalizeAuditEvent(r, CLUSTER)));
}

function falcoShell(at: Date, pod: string) {
  return normalizeFalcoAlert({
    uuid: `u-${Math.random()}`, output: "A shell was spawned in a container with an attached terminal", priority: "Notice", rule: "Terminal shell in container",
    time: at.toISOString(), source: "syscall", hostname: "node-1",
    output_fields: { "container.id": "abcdefabcdef", "container.name": "api", "k8s.ns.name": "payments", "k8s.pod.name": pod },
  }, CLUSTER);
}

/** The start of a 5-minute window `minutesAgo` in the past, plus a minute (so a few events fit in it). */
function inWindow(minutesAgo: number, size = 5): number {
  const W = size * MIN;
  return Math.floor((Date.now() - minutesAgo * MIN) / W) * W + MIN;
}

async function alertsOf(ruleId: string) {
  return db.prisma.alert.findMany({ where: { ruleId }, include: { events: true }, orderBy: { id: "asc" } });
}

beforeAll(async () => {
  await resetDb(db);
  await syncBuiltinRules(db);
});
beforeEach(async () => {
  await db.pool.query("TRUNCATE alerts, alert_events, alert_history, detection_state, rule_values, suppressed_matches, suppressions, layer_sources RESTART IDENTITY CASCADE");
  invalidateRuleCache();
  expect(await runWindowedRules(db, { initialLookbackIds: 0 })).toMatchObject({ initialized: true });
});
afterAll(() => db.pool.end());

describe("threshold rules (≥ 10 denied requests by one identity in 5 minutes)", () => {
  it("fires exactly once per window, with late and out-of-order events, and a repeated run changes nothing", async () => {
    const base = inWindow(30); // 30 minutes late: within the accepted lateness
    const denied = (i: number, user = "mallory") => auditEvent({ user, code: 403, at: new Date(base + i * 10_000), ip: "198.51.100.7" });
    // Nine arrive, in reverse order: below the threshold.
    await ingestAudit([8, 7, 6, 5, 4, 3, 2, 1, 0].map((i) => denied(i)));
    await runWindowedRules(db);
    expect(await alertsOf("k8s.denied-burst")).toHaveLength(0);
    // The tenth arrives later, with the earliest timestamp of all.
    await ingestAudit([auditEvent({ user: "mallory", code: 403, at: new Date(base - 30_000), ip: "198.51.100.7" })]);
    await runWindowedRules(db);
    let alerts = await alertsOf("k8s.denied-burst");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ count: 10, actor: "mallory", cluster: CLUSTER, groupKey: `${CLUSTER}|mallory|198.51.100.7` });
    expect(alerts[0].events).toHaveLength(10);
    expect(alerts[0].firstSeen.getTime()).toBe(base - 30_000);
    // Running again (and again) re-scans the same events: nothing changes.
    await runWindowedRules(db);
    await runWindowedRules(db);
    alerts = await alertsOf("k8s.denied-burst");
    expect(alerts).toHaveLength(1);
    expect(alerts[0].count).toBe(10);
    // More in the same window join the alert.
    await ingestAudit([denied(20), denied(21)]);
    await runWindowedRules(db);
    alerts = await alertsOf("k8s.denied-burst");
    expect(alerts).toHaveLength(1);
    expect(alerts[0].count).toBe(12);
    expect(await db.prisma.alertHistory.count({ where: { alertId: alerts[0].id } })).toBe(1);
  });

  it("counts per group and window: another identity or another window is another alert", async () => {
    const a = inWindow(20);
    const b = inWindow(10);
    await ingestAudit([
      ...Array.from({ length: 10 }, (_, i) => auditEvent({ user: "eve", code: 401, at: new Date(a + i * 1000), ip: "198.51.100.8" })),
      ...Array.from({ length: 10 }, (_, i) => auditEvent({ user: "eve", code: 401, at: new Date(b + i * 1000), ip: "198.51.100.8" })),
      ...Array.from({ length: 5 }, (_, i) => auditEvent({ user: "trent", code: 401, at: new Date(b + i * 1000), ip: "198.51.100.8" })),
    ]);
    await runWindowedRules(db);
    const alerts = await alertsOf("k8s.denied-burst");
    // Windows slide: each alert's window starts at its first event.
    expect(alerts.map((x) => [x.actor, x.windowStart.getTime(), x.count])).toEqual([
      ["eve", a, 10],
      ["eve", b, 10],
    ]);
  });

  it("catches a burst that straddles a clock-aligned window boundary", async () => {
    const boundary = inWindow(25) + 4 * MIN; // a 5-minute boundary, 20 minutes ago
    await ingestAudit(Array.from({ length: 10 }, (_, i) => auditEvent({ user: "peggy", code: 403, at: new Date(boundary - 50_000 + i * 10_000), ip: "198.51.100.9" })));
    await runWindowedRules(db);
    const alerts = await alertsOf("k8s.denied-burst");
    expect(alerts.map((x) => [x.actor, x.windowStart.getTime(), x.count])).toEqual([["peggy", boundary - 50_000, 10]]);
  });

  it("the backtest slides its windows the same way, and returns events stored with microseconds", async () => {
    const boundary = inWindow(35) + 4 * MIN;
    const us = (d: Date) => d.toISOString().replace("Z", "417Z");
    await ingestAudit(Array.from({ length: 10 }, (_, i) => {
      const e = auditEvent({ user: "walter", code: 403, at: new Date(boundary - 50_000 + i * 10_000), ip: "198.51.100.10" });
      return { ...e, requestReceivedTimestamp: us(new Date(boundary - 50_000 + i * 10_000)), stageTimestamp: us(new Date(boundary - 50_000 + i * 10_000)) };
    }));
    const bt = await backtestRule(db, "threshold", { query: "actor:walter AND code>=400", groupBy: ["actor"], windowMinutes: 5, threshold: 10 });
    expect(bt).toMatchObject({ count: 1, matches: 10 });
    expect(bt.events).toHaveLength(10);
    expect(bt.events.map((e) => e.ts.slice(-5))).toEqual(Array(10).fill("0417Z"));
    // One more than the threshold asks: nothing fires.
    expect(await backtestRule(db, "threshold", { query: "actor:walter AND code>=400", groupBy: ["actor"], windowMinutes: 5, threshold: 11 })).toMatchObject({ count: 0, matches: 0 });
  });

  it("ignores events more than an hour later than their window", async () => {
    const old = inWindow(90);
    await ingestAudit(Array.from({ length: 12 }, (_, i) => auditEvent({ user: "oscar", code: 403, at: new Date(old + i * 1000) })));
    await runWindowedRules(db);
    expect(await alertsOf("k8s.denied-burst")).toHaveLength(0);
  });

  it("a suppression holds the alert back and counts what it held", async () => {
    const admin = await createUser(db, { email: `sup-${Date.now()}@example.com`, password: "correct horse battery", role: "analyst" });
    const s = await createSuppression(db, admin, { ruleId: "k8s.denied-burst", match: { actor: ["ci-bot"] }, reason: "CI probes permissions on purpose", expiresInDays: 7 });
    const base = inWindow(15);
    await ingestAudit(Array.from({ length: 11 }, (_, i) => auditEvent({ user: "ci-bot", code: 403, at: new Date(base + i * 1000) })));
    await runWindowedRules(db);
    await runWindowedRules(db);
    expect(await alertsOf("k8s.denied-burst")).toHaveLength(0);
    const held = await db.prisma.suppressedMatch.findMany({ where: { suppressionId: s.id } });
    expect(held).toHaveLength(1);
    expect(held[0].count).toBe(11);
  });
});

describe("sequence rules (exec into a pod, then a Falco shell alert in it)", () => {
  it("fires once when the shell alert follows the exec", async () => {
    const t = Date.now() - 20 * MIN;
    await ingestAudit([execEvent({ user: "mallory", name: "api-1", at: new Date(t) })]);
    await runWindowedRules(db);
    expect(await alertsOf("seq.exec-then-shell")).toHaveLength(0);
    await ingestEvents(db, [falcoShell(new Date(t + 2 * MIN), "api-1")]);
    await runWindowedRules(db);
    await runWindowedRules(db);
    const alerts = await alertsOf("seq.exec-then-shell");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ actor: "mallory", pod: "api-1", namespace: "payments", count: 2 });
    expect(alerts[0].title).toBe("mallory exec'd into payments/api-1, then Falco saw a shell");
  });

  it("fires when the shell alert arrives before the (earlier) exec, and not for another pod or too late", async () => {
    const t = Date.now() - 40 * MIN;
    await ingestEvents(db, [falcoShell(new Date(t + 3 * MIN), "api-2"), falcoShell(new Date(t + 3 * MIN), "api-3"), falcoShell(new Date(t + 30 * MIN), "api-4")]);
    await runWindowedRules(db);
    await ingestAudit([execEvent({ name: "api-2", at: new Date(t) }), execEvent({ name: "api-4", at: new Date(t) })]);
    await runWindowedRules(db);
    const alerts = await alertsOf("seq.exec-then-shell");
    expect(alerts.map((a) => a.pod)).toEqual(["api-2"]);
  });
});

describe("new-value rules (first secret read by an identity in a namespace)", () => {
  it("learns the baseline, then fires once per new combination and links its repeats", async () => {
    // Read before the rule first ran: part of the baseline.
    await db.pool.query("TRUNCATE detection_state, rule_values");
    await ingestAudit([auditEvent({ verb: "get", resource: "secrets", name: "db", user: "app-reader", namespace: "shop", at: new Date(Date.now() - 2 * MIN) })]);
    await runWindowedRules(db, { initialLookbackIds: 0 }); // first run: seeds the baseline
    await ingestAudit([
      auditEvent({ verb: "get", resource: "secrets", name: "db", user: "app-reader", namespace: "shop" }),
      auditEvent({ verb: "get", resource: "secrets", name: "db", user: "intruder", namespace: "shop" }),
    ]);
    await runWindowedRules(db);
    await ingestAudit([auditEvent({ verb: "get", resource: "secrets", name: "tls", user: "intruder", namespace: "shop", at: new Date(Date.now() + 1000) })]);
    await runWindowedRules(db);
    await runWindowedRules(db);
    const alerts = await alertsOf("k8s.secret-read-new");
    expect(alerts.map((a) => [a.actor, a.namespace, a.count])).toEqual([["intruder", "shop", 2]]);
    expect(alerts[0].title).toBe("intruder read secrets in shop for the first time");
  });

  it("forgets a combination not seen for the retention period, which is then new again; keeps the ones still seen", async () => {
    const values = () => db.pool.query<{ value_key: string; last_seen: Date }>("SELECT value_key, last_seen FROM rule_values WHERE rule_id = 'k8s.secret-read-new' ORDER BY value_key");
    const keys = (await values()).rows.map((r) => r.value_key);
    expect(keys.some((k) => k.includes("intruder"))).toBe(true);
    // A reader still active yesterday-and-today has its last_seen refreshed (at most daily).
    await db.pool.query("UPDATE rule_values SET last_seen = now() - interval '3 days' WHERE rule_id = 'k8s.secret-read-new' AND value_key LIKE '%app-reader%'");
    await ingestAudit([auditEvent({ verb: "get", resource: "secrets", name: "db", user: "app-reader", namespace: "shop", at: new Date(Date.now() + 2000) })]);
    await runWindowedRules(db);
    const reader = (await values()).rows.find((r) => r.value_key.includes("app-reader"))!;
    expect(Date.now() - reader.last_seen.getTime()).toBeLessThan(60_000);

    // The loop moves past the old reads (30 days later it long has), then the intruder's combination,
    // last seen 40 days ago, is forgotten by maintenance (30-day retention).
    await runWindowedRules(db, { now: Date.now() + 5 * MIN });
    await db.pool.query("UPDATE rule_values SET last_seen = now() - interval '40 days' WHERE rule_id = 'k8s.secret-read-new' AND value_key LIKE '%intruder%'");
    await runMaintenance(db);
    const after = (await values()).rows.map((r) => r.value_key);
    expect(after.some((k) => k.includes("intruder"))).toBe(false);
    expect(after.some((k) => k.includes("app-reader"))).toBe(true);
    // It comes back: a new alert.
    await ingestAudit([auditEvent({ verb: "get", resource: "secrets", name: "db", user: "intruder", namespace: "shop", at: new Date(Date.now() + 3000) })]);
    const back = await runWindowedRules(db, { now: Date.now() + 10 * MIN });
    expect(back.created).toBe(1);
    // (alerts are cleared before each test: the one of the first read is not in this list)
    expect((await alertsOf("k8s.secret-read-new")).map((a) => [a.actor, a.count])).toEqual([["intruder", 1]]);
  });
});

describe("silence rules", () => {
  it("raises once when a layer that was sending stops, and again only after it resumed and stopped again", async () => {
    await ingestAudit([auditEvent({ user: "alice" })]);
    await runWindowedRules(db);
    await runWindowedRules(db, { now: Date.now() + 10 * MIN });
    expect(await alertsOf("coverage.layer-silent")).toHaveLength(0);
    await runWindowedRules(db, { now: Date.now() + 31 * MIN });
    await runWindowedRules(db, { now: Date.now() + 45 * MIN });
    const alerts = await alertsOf("coverage.layer-silent");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ cluster: CLUSTER, groupKey: `${CLUSTER}|audit`, title: `No audit events from ${CLUSTER}` });
    // It resumes, then stops again: a second episode, a second alert.
    await ingestAudit([auditEvent({ user: "alice", at: new Date(Date.now() + 1000) })]);
    await runWindowedRules(db);
    await runWindowedRules(db, { now: Date.now() + 80 * MIN });
    await runWindowedRules(db, { now: Date.now() + 90 * MIN });
    expect(await alertsOf("coverage.layer-silent")).toHaveLength(2);
  });
});

describe("silence rules with an admin's threshold", () => {
  it("uses the cluster's silence threshold for the layer when one is set", async () => {
    await db.pool.query(`INSERT INTO coverage_settings (cluster, layer, silence_minutes) VALUES ($1, 'audit', 120) ON CONFLICT (cluster, layer) DO UPDATE SET silence_minutes = 120`, [CLUSTER]);
    await ingestAudit([auditEvent({ user: "alice" })]);
    await runWindowedRules(db);
    await runWindowedRules(db, { now: Date.now() + 60 * MIN });
    expect(await alertsOf("coverage.layer-silent")).toHaveLength(0);
    await runWindowedRules(db, { now: Date.now() + 121 * MIN });
    expect(await alertsOf("coverage.layer-silent")).toHaveLength(1);
    await db.pool.query(`DELETE FROM coverage_settings WHERE cluster = $1`, [CLUSTER]);
  });
});

describe("the first run", () => {
  it("looks back over the newest events already stored (a demo just loaded, a restart)", async () => {
    await db.pool.query("TRUNCATE detection_state, alerts CASCADE");
    const t = Date.now() - 3 * MIN;
    await ingestEvents(db, Array.from({ length: 6 }, (_, i) => emptyEvent({
      ts: new Date(t + i * 1000), cluster: CLUSTER, layer: "node", source: "journald", node: "node-7", sourceIp: "203.0.113.50", actor: "root", actorType: "user",
      message: `sshd[${900 + i}]: Failed password for root from 203.0.113.50 port ${40000 + i} ssh2`,
    })));
    const r = await runWindowedRules(db);
    expect(r).toMatchObject({ initialized: true });
    const alerts = await alertsOf("node.ssh-bruteforce");
    expect(alerts.map((a) => [a.groupKey, a.count])).toEqual([[`${CLUSTER}|node-7|203.0.113.50`, 6]]);
  });
});

describe("a failing windowed rule", () => {
  it("is reported on the rule until a run succeeds for it, with when it started failing", async () => {
    // A definition written by an older version (or straight into the table) that no longer compiles.
    await db.prisma.rule.create({
      data: { id: "custom.broken", name: "Broken threshold", description: "", severity: "low", kind: "threshold", definition: { query: "verb:(get", threshold: 2, windowMinutes: 5, groupBy: ["actor"] }, builtin: false, origin: "custom", enabled: true },
    });
    const first = await runWindowedRules(db);
    expect(first.errors["custom.broken"]).toMatch(/\)/);
    const since = (await getRule(db, "custom.broken"))!.lastError!.since;
    await runWindowedRules(db, { now: Date.now() + 30_000 });
    const still = (await listRules(db)).find((r) => r.id === "custom.broken")!;
    expect(still.lastError).toMatchObject({ since, message: first.errors["custom.broken"] });
    expect(still.lastError!.at > since).toBe(true);
    // Other rules are not reported.
    expect((await listRules(db)).filter((r) => r.lastError).map((r) => r.id)).toEqual(["custom.broken"]);

    await db.prisma.rule.update({ where: { id: "custom.broken" }, data: { definition: { query: "verb:get", threshold: 2, windowMinutes: 5, groupBy: ["actor"] } } });
    await runWindowedRules(db, { now: Date.now() + 60_000 });
    expect((await getRule(db, "custom.broken"))!.lastError).toBeNull();
    await db.prisma.rule.delete({ where: { id: "custom.broken" } });
  });
});
