import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { testDb, resetDb } from "../setup/db";
import { execEvent } from "../setup/fixtures";
import { makeAlert, makeRules } from "../setup/triage-fixtures";
import { normalizeAuditBody } from "../../lib/ingest/audit/normalize";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { syncBuiltinRules } from "../../lib/detect/rules";
import { createUser } from "../../lib/auth/users";
import { alertsCreatedInTransaction, notifyNewAlerts } from "../../lib/notify/notify";
import { createTarget, deleteTarget, listTargets, testTarget, updateTarget } from "../../lib/notify/targets";
import { postJsonOnce } from "../../lib/notify/send";
import { deliver } from "../../lib/notify/deliver";
import type { Resolver } from "../../lib/notify/ssrf";
import type { SessionUser } from "../../lib/auth/roles";

const db = testDb();
let admin: SessionUser;

type Hit = { method: string; url: string; body: string; headers: IncomingMessage["headers"] };
type Receiver = { url: string; hits: Hit[]; close: () => Promise<void> };
const receivers: Receiver[] = [];

/** A local webhook receiver on 127.0.0.1; `respond` decides each answer. */
async function receiver(respond: (hit: Hit, n: number, res: ServerResponse) => void = (_h, _n, res) => res.writeHead(200).end("ok")): Promise<Receiver> {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const hit = { method: req.method ?? "", url: req.url ?? "", body, headers: req.headers };
      hits.push(hit);
      respond(hit, hits.length, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  const r = { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }) };
  receivers.push(r);
  return r;
}

beforeAll(async () => {
  process.env.CROWSNEST_PUBLIC_URL = "https://crowsnest.example.com/";
  await resetDb(db);
  await syncBuiltinRules(db);
  await makeRules(db);
  admin = await createUser(db, { email: "root@example.com", password: "correct horse battery", role: "admin" });
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await db.pool.query("DELETE FROM notification_targets");
});
afterAll(async () => {
  delete process.env.CROWSNEST_PUBLIC_URL;
  await db.pool.end();
});

describe("notification targets", () => {
  it("refuses a local receiver unless private networks are allowed, and audits what admins do", async () => {
    const r = await receiver();
    await expect(createTarget(db, admin, { name: "local", url: `${r.url}/hook`, minSeverity: "high", enabled: true, allowPrivateNetwork: false })).rejects.toMatchObject({ status: 400 });
    const t = await createTarget(db, admin, { name: "local", url: `${r.url}/hook`, minSeverity: "high", enabled: true, allowPrivateNetwork: true });
    await expect(updateTarget(db, admin, t.id, { allowPrivateNetwork: false })).rejects.toMatchObject({ status: 400 });
    await expect(updateTarget(db, admin, t.id, { url: "http://169.254.169.254/latest" })).rejects.toMatchObject({ status: 400 });
    expect(await testTarget(db, admin, t.id)).toEqual({ ok: true, statusCode: 200, error: null });
    expect(JSON.parse(r.hits[0].body)).toMatchObject({ text: expect.stringContaining("test message"), blocks: expect.any(Array) });
    expect((await listTargets(db))[0]).toMatchObject({ name: "local", lastDelivery: { statusCode: 200, error: null } });
    await deleteTarget(db, admin, t.id);
    const audit = await db.prisma.auditLog.findMany({ where: { action: { startsWith: "notify.target." } }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["notify.target.create", "notify.target.test", "notify.target.delete"]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain("/hook"); // the secret part of a webhook URL stays out of the trail
  });
});

describe("sending", () => {
  it("never follows a redirect, e.g. to loopback", async () => {
    const inner = await receiver();
    const outer = await receiver((_h, _n, res) => res.writeHead(302, { location: `${inner.url}/internal` }).end());
    const r = await postJsonOnce(`${outer.url}/hook`, { text: "x" }, { allowPrivate: true });
    expect(r).toEqual({ ok: false, statusCode: 302, error: "redirect not followed" });
    expect(outer.hits).toHaveLength(1);
    expect(inner.hits).toHaveLength(0);
  });

  it("checks the address actually connected to: a name that rebinds to loopback after validation is refused", async () => {
    const r = await receiver();
    const port = new URL(r.url).port;
    let calls = 0;
    const rebinding: Resolver = async () => [{ address: calls++ === 0 ? "93.184.215.14" : "127.0.0.1", family: 4 }];
    const res = await postJsonOnce(`http://rebind.example:${port}/hook`, { text: "x" }, { allowPrivate: false, resolve: rebinding });
    expect(res).toMatchObject({ ok: false, statusCode: null, refused: true });
    expect(res.error).toMatch(/loopback/);
    expect(calls).toBe(2);
    expect(r.hits).toHaveLength(0);
    // the same name, allowed to be private, reaches the receiver through that checked lookup
    const ok = await postJsonOnce(`http://rebind.example:${port}/hook`, { text: "x" }, { allowPrivate: true, resolve: async () => [{ address: "127.0.0.1", family: 4 }] });
    expect(ok).toMatchObject({ ok: true, statusCode: 200 });
    expect(r.hits[0].headers.host).toBe(`rebind.example:${port}`);
  });

  it("retries once on 5xx or no answer, not on 4xx, recording every attempt; a silent receiver times out", async () => {
    const flaky = await receiver((_h, n, res) => res.writeHead(n === 1 ? 503 : 200).end());
    const t1 = await db.prisma.notificationTarget.create({ data: { name: "flaky", url: `${flaky.url}/`, allowPrivateNetwork: true } });
    expect(await deliver(db, t1, null, { text: "x" }, { retryDelayMs: 10 })).toMatchObject({ ok: true, statusCode: 200 });
    expect((await db.prisma.notificationDelivery.findMany({ where: { targetId: t1.id }, orderBy: { id: "asc" } })).map((d) => d.statusCode)).toEqual([503, 200]);

    const gone = await receiver((_h, _n, res) => res.writeHead(404).end());
    const t2 = await db.prisma.notificationTarget.create({ data: { name: "gone", url: `${gone.url}/`, allowPrivateNetwork: true } });
    expect(await deliver(db, t2, null, { text: "x" }, { retryDelayMs: 10 })).toMatchObject({ ok: false, statusCode: 404 });
    expect(gone.hits).toHaveLength(1);

    const silent = await receiver(() => {}); // never answers
    const t3 = await db.prisma.notificationTarget.create({ data: { name: "silent", url: `${silent.url}/`, allowPrivateNetwork: true } });
    const r = await deliver(db, t3, null, { text: "x" }, { retryDelayMs: 10, timeoutMs: 200 });
    expect(r).toMatchObject({ ok: false, statusCode: null, error: "no answer within 200 ms" });
    expect(silent.hits).toHaveLength(2);
    expect(await db.prisma.notificationDelivery.count({ where: { targetId: t3.id } })).toBe(2);

    const refused = await db.prisma.notificationTarget.create({ data: { name: "refused", url: `${silent.url}/`, allowPrivateNetwork: false } });
    expect(await deliver(db, refused, null, { text: "x" }, { retryDelayMs: 10 })).toMatchObject({ refused: true });
    expect(silent.hits).toHaveLength(2);
    expect(await db.prisma.notificationDelivery.count({ where: { targetId: refused.id } })).toBe(1);
  });
});

describe("new high/critical alerts", () => {
  it("posts a Slack-compatible message with the alert's absolute link to each matching target", async () => {
    const r = await receiver();
    const critOnly = await receiver();
    await createTarget(db, admin, { name: "all", url: `${r.url}/a`, minSeverity: "high", enabled: true, allowPrivateNetwork: true });
    await createTarget(db, admin, { name: "crit", url: `${critOnly.url}/c`, minSeverity: "critical", enabled: true, allowPrivateNetwork: true });
    await createTarget(db, admin, { name: "off", url: `${critOnly.url}/off`, minSeverity: "high", enabled: false, allowPrivateNetwork: true });
    const high = await makeAlert(db, { severity: "high", title: "<!channel> exec by <@U1>" });
    const critical = await makeAlert(db, { severity: "critical", ruleId: "test.secrets" });
    const low = await makeAlert(db, { severity: "low", ruleId: "test.noise" });
    expect(await notifyNewAlerts(db, [high, critical, low])).toEqual({ sent: 3, failed: 0 });
    expect(r.hits.map((h) => JSON.parse(h.body).text)).toEqual([
      expect.stringContaining(`https://crowsnest.example.com/alerts/${high}`),
      expect.stringContaining(`https://crowsnest.example.com/alerts/${critical}`),
    ]);
    expect(r.hits[0].body).not.toContain("<!channel>");
    expect(r.hits[0].headers["content-type"]).toBe("application/json");
    expect(critOnly.hits.map((h) => h.url)).toEqual(["/c"]);
    expect(await db.prisma.notificationDelivery.count({ where: { alertId: high } })).toBe(1);
  });

  it("turns a burst into one digest per target", async () => {
    const r = await receiver();
    await createTarget(db, admin, { name: "all", url: `${r.url}/a`, minSeverity: "high", enabled: true, allowPrivateNetwork: true });
    const ids = [];
    for (let i = 0; i < 8; i++) ids.push(await makeAlert(db, { severity: "critical", title: `burst ${i}` }));
    expect(await notifyNewAlerts(db, ids)).toEqual({ sent: 1, failed: 0 });
    expect(JSON.parse(r.hits[0].body).text).toContain("8 new high/critical alerts");
  });

  it("finds exactly the alerts an ingest transaction created, and ingest notifies after committing", async () => {
    const old = await makeAlert(db, { severity: "critical" });
    const client = await db.pool.connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO alerts (rule_id, group_key, window_start, title, severity, cluster, first_seen, last_seen, count)
         VALUES ('test.secrets', 'tx-1', now(), 'new in tx', 'critical', 'c', now(), now(), 1), ('test.noise', 'tx-2', now(), 'low', 'low', 'c', now(), now(), 1) RETURNING id`,
      );
      await client.query(`UPDATE alerts SET count = count + 1, updated_at = now() WHERE id = $1`, [old]);
      expect(await alertsCreatedInTransaction(client)).toEqual([rows[0].id]);
      await client.query("ROLLBACK");
    } finally {
      client.release();
    }

    const r = await receiver();
    await createTarget(db, admin, { name: "all", url: `${r.url}/a`, minSeverity: "high", enabled: true, allowPrivateNetwork: true });
    const { events } = normalizeAuditBody(JSON.stringify(execEvent({ user: "notify-me", name: "api-7d9f8b6c5-q2w4z" })), "prod-eu-1");
    const result = await ingestEvents(db, events);
    expect(result.alerts.created).toBeGreaterThan(0);
    for (let i = 0; i < 50 && r.hits.length === 0; i++) await new Promise((ok) => setTimeout(ok, 100));
    await new Promise((ok) => setTimeout(ok, 300));
    const created = await db.prisma.alert.findMany({ where: { actor: "notify-me", severity: { in: ["high", "critical"] } } });
    expect(created.length).toBeGreaterThan(0);
    const texts = r.hits.map((h) => JSON.parse(h.body).text);
    for (const a of created) expect(texts).toContainEqual(expect.stringContaining(`/alerts/${a.id}`));
    // a replay of the same batch creates nothing and sends nothing
    const sent = r.hits.length;
    await ingestEvents(db, events);
    await new Promise((ok) => setTimeout(ok, 300));
    expect(r.hits).toHaveLength(sent);
  });
});
