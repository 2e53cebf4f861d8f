import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb, resetDb } from "../setup/db";
import { execEvent } from "../setup/fixtures";
import { normalizeAuditBody } from "../../lib/ingest/audit/normalize";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { syncBuiltinRules } from "../../lib/detect/rules";
import { getAlertDetail, listAlerts } from "../../lib/alerts/queries";
import { changeAlertStatus } from "../../lib/alerts/triage";
import { authenticate, createUser, ensureFirstAdmin } from "../../lib/auth/users";
import { createSession, deleteSession, userForSession } from "../../lib/auth/sessions";
import { checkIngestToken, createIngestToken, revokeIngestToken } from "../../lib/auth/tokens";
import { auditNow, verifyChain } from "../../lib/audit/trail";
import { adminCreateToken, adminCreateUser, adminRevokeToken } from "../../lib/auth/admin";
import type { SessionUser } from "../../lib/auth/roles";

const db = testDb();
let analyst: SessionUser;
beforeAll(async () => {
  await resetDb(db);
  await syncBuiltinRules(db);
  analyst = await createUser(db, { email: "Ana@Example.com", password: "correct horse battery", role: "analyst" });
});
afterAll(() => db.pool.end());

describe("accounts", () => {
  it("first admin is created once, with a generated password", async () => {
    await db.prisma.user.deleteMany({ where: { role: "admin" } });
    const count = await db.prisma.user.count();
    expect(count).toBe(1); // the analyst exists, so no admin is made
    expect(await ensureFirstAdmin(db)).toBeNull();
  });

  it("authenticates with argon2id and rejects wrong passwords and disabled users", async () => {
    const row = await db.prisma.user.findUniqueOrThrow({ where: { email: "ana@example.com" } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await authenticate(db, "ana@example.com", "correct horse battery")).toMatchObject({ role: "analyst" });
    expect(await authenticate(db, "ana@example.com", "wrong")).toBeNull();
    expect(await authenticate(db, "nobody@example.com", "x")).toBeNull();
  });

  it("sessions: a fresh random id per login, stored only hashed, gone at logout", async () => {
    const a = await createSession(db, analyst.id);
    const b = await createSession(db, analyst.id);
    expect(a.token).not.toBe(b.token);
    expect(await db.prisma.session.count({ where: { idHash: a.token } })).toBe(0);
    expect(await userForSession(db, a.token)).toMatchObject({ id: analyst.id });
    await deleteSession(db, a.token);
    expect(await userForSession(db, a.token)).toBeNull();
    expect(await userForSession(db, b.token)).not.toBeNull();
  });

  it("ingest tokens: hashed, scoped to a cluster, revocable", async () => {
    const t = await createIngestToken(db, { cluster: "edge-1" });
    expect(await db.prisma.ingestToken.count({ where: { tokenHash: t.token } })).toBe(0);
    expect(await checkIngestToken(db, `Bearer ${t.token}`)).toMatchObject({ ok: true, scope: { cluster: "edge-1" } });
    expect(await checkIngestToken(db, null)).toMatchObject({ ok: false, status: 401 });
    expect(await checkIngestToken(db, "Bearer cn_wrong")).toMatchObject({ ok: false, status: 401 });
    await revokeIngestToken(db, t.id);
    expect(await checkIngestToken(db, `Bearer ${t.token}`)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("audit trail writers", () => {
  it("concurrent writers outside a transaction never fork the chain", async () => {
    await Promise.all(Array.from({ length: 12 }, (_, i) => auditNow(db.prisma, { userId: null, action: "test.concurrent", details: { i } })));
    expect(await db.prisma.auditLog.count({ where: { action: "test.concurrent" } })).toBe(12);
    expect(await verifyChain(db.prisma)).toMatchObject({ ok: true });
  });

  it("admin changes and their audit entries commit together, or not at all", async () => {
    const admin = await createUser(db, { email: "root@example.com", password: "correct horse battery", role: "admin" });
    const count = () => db.prisma.auditLog.count();
    const before = await count();
    const token = await adminCreateToken(db, admin, { cluster: "audited" });
    await adminRevokeToken(db, admin, token.id);
    const entries = await db.prisma.auditLog.findMany({ where: { target: `token:${token.id}` }, orderBy: { id: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["token.create", "token.revoke"]);
    // Refused changes leave no entry behind.
    await expect(adminRevokeToken(db, admin, token.id)).rejects.toMatchObject({ status: 404 });
    await expect(adminCreateUser(db, admin, { email: "root@example.com", password: "another long password", role: "viewer" })).rejects.toMatchObject({ status: 409 });
    expect(await count()).toBe(before + 2);
    expect(await verifyChain(db.prisma)).toMatchObject({ ok: true });
  });
});

describe("alert triage", () => {
  it("acknowledge and resolve record who, when and why, and chain the audit trail", async () => {
    const { events } = normalizeAuditBody(JSON.stringify(execEvent({ user: "trudy" })), "triage");
    await ingestEvents(db, events);
    const [alert] = await listAlerts(db, { status: "open", limit: 10 });
    expect(alert.ruleName).toBe("Exec or attach into a pod");
    const acked = await changeAlertStatus(db, analyst, alert.id, { status: "acknowledged" });
    expect(acked.status).toBe("acknowledged");
    await expect(changeAlertStatus(db, analyst, alert.id, { status: "acknowledged" })).rejects.toMatchObject({ status: 409 });
    await expect(changeAlertStatus(db, analyst, alert.id, { status: "resolved" })).rejects.toMatchObject({ status: 400 });
    await changeAlertStatus(db, analyst, alert.id, { status: "resolved", resolutionReason: "false_positive", reason: "on-call debugging" });
    const detail = await getAlertDetail(db, alert.id);
    expect(detail?.alert.resolution).toBe("on-call debugging");
    expect(detail?.alert.resolutionReason).toBe("false_positive");
    expect(detail?.events).toHaveLength(1);
    expect(detail?.history.map((h) => [h.fromStatus, h.toStatus, h.user?.email ?? null])).toEqual([
      [null, "open", null],
      ["open", "acknowledged", "ana@example.com"],
      ["acknowledged", "resolved", "ana@example.com"],
    ]);
    expect(await verifyChain(db.prisma)).toMatchObject({ ok: true });
  });

  it("history and audit rows cannot be edited, and tampering breaks the chain", async () => {
    await expect(db.pool.query("UPDATE alert_history SET reason = 'edited'")).rejects.toThrow(/append-only/);
    await expect(db.pool.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await db.pool.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    await db.pool.query("UPDATE audit_log SET details = '{\"to\":\"open\"}' WHERE id = (SELECT min(id) FROM audit_log)");
    await db.pool.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
    expect(await verifyChain(db.prisma)).toMatchObject({ ok: false });
  });
});
