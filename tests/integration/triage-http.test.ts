import "../setup/next-als";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppServer } from "../setup/app-server";
import { closeAppDb, resetDb, testDb } from "../setup/db";
import { makeAlert, makeRules } from "../setup/triage-fixtures";
import { createUser } from "../../lib/auth/users";
import { createSession, SESSION_COOKIE } from "../../lib/auth/sessions";
import { resetProbeLimit, MAX_MISSES } from "../../lib/share/probe-limit";
import type { SessionUser } from "../../lib/auth/roles";
import * as alerts from "../../app/api/v1/alerts/route";
import * as alertOne from "../../app/api/v1/alerts/[id]/route";
import * as alertNotes from "../../app/api/v1/alerts/[id]/notes/route";
import * as alertBulk from "../../app/api/v1/alerts/bulk/route";
import * as assignable from "../../app/api/v1/users/assignable/route";
import * as users from "../../app/api/v1/users/route";
import * as userOne from "../../app/api/v1/users/[id]/route";
import * as tokens from "../../app/api/v1/tokens/route";
import * as tokenOne from "../../app/api/v1/tokens/[id]/route";
import * as incidents from "../../app/api/v1/incidents/route";
import * as suggestions from "../../app/api/v1/incidents/suggestions/route";
import * as incidentOne from "../../app/api/v1/incidents/[key]/route";
import * as incidentAlerts from "../../app/api/v1/incidents/[key]/alerts/route";
import * as evidence from "../../app/api/v1/incidents/[key]/evidence/route";
import * as evidenceOne from "../../app/api/v1/incidents/[key]/evidence/[id]/route";
import * as report from "../../app/api/v1/incidents/[key]/report/route";
import * as shares from "../../app/api/v1/incidents/[key]/shares/route";
import * as shareOne from "../../app/api/v1/shares/[id]/route";
import * as sharePublic from "../../app/api/v1/share/[token]/route";
import * as audit from "../../app/api/v1/audit/route";
import * as auditVerify from "../../app/api/v1/audit/verify/route";
import * as targets from "../../app/api/v1/notifications/targets/route";
import * as targetOne from "../../app/api/v1/notifications/targets/[id]/route";
import * as targetTest from "../../app/api/v1/notifications/targets/[id]/test/route";

process.env.DATABASE_URL = inject("databaseUrl");
const db = testDb();
let server: Awaited<ReturnType<typeof startAppServer>>;
const cookie: Record<string, string> = {};
const user: Record<string, SessionUser> = {};

beforeAll(async () => {
  await resetDb(db);
  await makeRules(db);
  for (const role of ["viewer", "analyst", "admin"] as const) {
    user[role] = await createUser(db, { email: `${role}@example.com`, password: "correct horse battery", role });
    cookie[role] = `${SESSION_COOKIE}=${(await createSession(db, user[role].id)).token}`;
  }
  server = await startAppServer({
    "/api/v1/alerts": alerts, "/api/v1/alerts/bulk": alertBulk, "/api/v1/alerts/:id": alertOne, "/api/v1/alerts/:id/notes": alertNotes,
    "/api/v1/users/assignable": assignable, "/api/v1/users": users, "/api/v1/users/:id": userOne,
    "/api/v1/tokens": tokens, "/api/v1/tokens/:id": tokenOne,
    "/api/v1/incidents": incidents, "/api/v1/incidents/suggestions": suggestions, "/api/v1/incidents/:key": incidentOne,
    "/api/v1/incidents/:key/alerts": incidentAlerts, "/api/v1/incidents/:key/evidence": evidence, "/api/v1/incidents/:key/evidence/:id": evidenceOne,
    "/api/v1/incidents/:key/report": report, "/api/v1/incidents/:key/shares": shares, "/api/v1/shares/:id": shareOne, "/api/v1/share/:token": sharePublic,
    "/api/v1/audit": audit, "/api/v1/audit/verify": auditVerify,
    "/api/v1/notifications/targets": targets, "/api/v1/notifications/targets/:id": targetOne, "/api/v1/notifications/targets/:id/test": targetTest,
  });
});
afterAll(async () => {
  await server?.close();
  await closeAppDb();
  await db.pool.end();
});

async function call(as: "viewer" | "analyst" | "admin" | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(as ? { cookie: cookie[as] } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: res.status, headers: res.headers, json: json as Record<string, any>, text }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("permissions over HTTP", () => {
  it("a logged-out caller gets 401 everywhere except the share link", async () => {
    const a = await makeAlert(db);
    for (const [m, p] of [["GET", "/api/v1/alerts"], ["GET", `/api/v1/alerts/${a}`], ["PATCH", `/api/v1/alerts/${a}`], ["POST", "/api/v1/incidents"], ["GET", "/api/v1/incidents"],
      ["GET", "/api/v1/users/assignable"], ["GET", "/api/v1/audit"], ["GET", "/api/v1/notifications/targets"]] as const) {
      expect((await call(null, m, p, m === "GET" ? undefined : {})).status, `${m} ${p}`).toBe(401);
    }
  });

  it("a viewer reads but cannot change status, assign, note, bulk-act or create incidents", async () => {
    const a = await makeAlert(db);
    expect((await call("viewer", "GET", "/api/v1/alerts?status=open")).status).toBe(200);
    expect((await call("viewer", "GET", `/api/v1/alerts/${a}`)).json).toMatchObject({ alert: { id: a }, notes: [], context: { from: expect.any(String) } });
    expect((await call("viewer", "GET", "/api/v1/users/assignable")).json.users.map((u: { email: string }) => u.email)).toEqual(["admin@example.com", "analyst@example.com"]);
    expect((await call("viewer", "PATCH", `/api/v1/alerts/${a}`, { status: "acknowledged" })).status).toBe(403);
    expect((await call("viewer", "PATCH", `/api/v1/alerts/${a}`, { assigneeId: "me" })).status).toBe(403);
    expect((await call("viewer", "POST", `/api/v1/alerts/${a}/notes`, { body: "hi" })).status).toBe(403);
    expect((await call("viewer", "POST", "/api/v1/alerts/bulk", { ids: [a], action: "acknowledge" })).status).toBe(403);
    expect((await call("viewer", "POST", "/api/v1/incidents", { title: "x", severity: "low" })).status).toBe(403);
    expect((await db.prisma.alert.findUniqueOrThrow({ where: { id: a } })).status).toBe("open");
  });

  it("an analyst triages but cannot manage users, tokens, notification targets or read the audit trail", async () => {
    const a = await makeAlert(db);
    expect((await call("analyst", "PATCH", `/api/v1/alerts/${a}`, { status: "acknowledged", assigneeId: "me" })).json.alert).toMatchObject({ status: "acknowledged", assignee: { id: user.analyst.id } });
    expect((await call("analyst", "PATCH", `/api/v1/alerts/${a}`, { status: "resolved" })).status).toBe(400);
    expect((await call("analyst", "PATCH", `/api/v1/alerts/${a}`, { status: "resolved", resolutionReason: "benign", reason: "load test" })).json.alert).toMatchObject({ resolutionReason: "benign" });
    expect((await call("analyst", "PATCH", `/api/v1/alerts/${a}`, { status: "bogus" })).status).toBe(400);
    expect((await call("analyst", "PATCH", `/api/v1/alerts/${a}`, {})).status).toBe(400);
    expect((await call("analyst", "POST", `/api/v1/alerts/${a}/notes`, { body: "# Done\n<b>x</b>" })).status).toBe(201);
    expect((await call("analyst", "POST", "/api/v1/alerts/bulk", { ids: [a, 424242], action: "reopen" })).json).toEqual({ updated: 1, skipped: [{ id: 424242, reason: "not found" }] });
    expect((await call("analyst", "GET", "/api/v1/alerts/abc")).status).toBe(404);
    expect((await call("analyst", "GET", "/api/v1/alerts/99999999999")).status).toBe(404);

    for (const [m, p, body] of [
      ["GET", "/api/v1/users"], ["POST", "/api/v1/users", { email: "x@example.com", password: "correct horse battery", role: "admin" }],
      ["PATCH", `/api/v1/users/${user.analyst.id}`, { role: "admin" }],
      ["GET", "/api/v1/tokens"], ["POST", "/api/v1/tokens", { cluster: "prod" }], ["DELETE", "/api/v1/tokens/00000000-0000-0000-0000-000000000000"],
      ["GET", "/api/v1/notifications/targets"], ["POST", "/api/v1/notifications/targets", { name: "x", url: "https://hooks.example.com/x" }],
      ["PATCH", "/api/v1/notifications/targets/1", { enabled: false }], ["DELETE", "/api/v1/notifications/targets/1"], ["POST", "/api/v1/notifications/targets/1/test"],
      ["GET", "/api/v1/audit"], ["GET", "/api/v1/audit/verify"],
    ] as [string, string, unknown?][]) {
      expect((await call("analyst", m, p, body)).status, `${m} ${p}`).toBe(403);
    }
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: user.analyst.id } })).role).toBe("analyst");
  });
});

describe("incidents and share links over HTTP", () => {
  it("runs an incident end to end and serves its share link with the right headers", async () => {
    const a = await makeAlert(db, { title: "http alert" });
    const created = await call("analyst", "POST", "/api/v1/incidents", { title: "HTTP incident", severity: "high", alertIds: [a] });
    expect(created.status).toBe(201);
    const key = created.json.incident.key as string;
    expect(key).toMatch(/^INC-\d+$/);
    expect((await call("viewer", "GET", `/api/v1/incidents/${key}`)).json).toMatchObject({ incident: { key, alertCount: 1 }, alerts: [{ id: a }] });
    expect((await call("viewer", "GET", `/api/v1/incidents/${key.slice(4)}`)).json.incident.key).toBe(key);
    expect((await call("viewer", "GET", "/api/v1/incidents/INC-zzz")).status).toBe(404);
    expect((await call("viewer", "PATCH", `/api/v1/incidents/${key}`, { status: "investigating" })).status).toBe(403);
    expect((await call("analyst", "PATCH", `/api/v1/incidents/${key}`, { status: "investigating", ownerId: "me" })).json.incident).toMatchObject({ status: "investigating" });
    expect((await call("analyst", "PATCH", `/api/v1/incidents/${key}`, { status: "closed" })).status).toBe(400);
    const note = await call("analyst", "POST", `/api/v1/incidents/${key}/evidence`, { kind: "note", body: "pinned" });
    expect(note.status).toBe(201);
    expect((await call("viewer", "POST", `/api/v1/incidents/${key}/evidence`, { kind: "note", body: "x" })).status).toBe(403);
    expect((await call("analyst", "DELETE", `/api/v1/incidents/${key}/evidence/${note.json.evidence.id}`)).status).toBe(200);
    expect((await call("analyst", "POST", `/api/v1/incidents/${key}/alerts`, { alertIds: [a] })).json.skipped).toEqual([{ id: a, reason: `already in ${key}` }]);
    expect(Array.isArray((await call("viewer", "GET", "/api/v1/incidents/suggestions")).json)).toBe(true);

    const md = await call("viewer", "GET", `/api/v1/incidents/${key}/report?format=md`);
    expect(md.status).toBe(200);
    expect(md.headers.get("content-disposition")).toBe(`attachment; filename="${key}-report.md"`);
    expect(md.text).toContain("`http alert`");
    expect((await call("viewer", "GET", `/api/v1/incidents/${key}/report?format=pdf`)).status).toBe(400);

    expect((await call("viewer", "POST", `/api/v1/incidents/${key}/shares`, { expiresInHours: 1 })).status).toBe(403);
    expect((await call("analyst", "POST", `/api/v1/incidents/${key}/shares`, { expiresInHours: 721 })).status).toBe(400);
    const share = await call("analyst", "POST", `/api/v1/incidents/${key}/shares`, { expiresInHours: 2 });
    expect(share.status).toBe(201);
    const token = (share.json.url as string).replace("/share/", "");
    const list = await call("analyst", "GET", `/api/v1/incidents/${key}/shares`);
    expect(list.json.shares).toHaveLength(1);
    expect(list.text).not.toContain(token);

    const open = await call(null, "GET", `/api/v1/share/${token}`);
    expect(open.status).toBe(200);
    expect(open.json.incident).toMatchObject({ key, title: "HTTP incident" });
    expect(open.text).not.toContain("@example.com");
    for (const r of [open, await call(null, "GET", "/api/v1/share/AAAAAAAAAAAAAAAAAAAAAA")]) {
      expect(r.headers.get("referrer-policy")).toBe("no-referrer");
      expect(r.headers.get("cache-control")).toBe("no-store");
      expect(r.headers.get("x-robots-tag")).toBe("noindex, nofollow");
    }
    expect((await call(null, "GET", "/api/v1/share/AAAAAAAAAAAAAAAAAAAAAA")).status).toBe(404);
    expect((await call("viewer", "DELETE", `/api/v1/shares/${share.json.id}`)).status).toBe(403);
    expect((await call("analyst", "DELETE", `/api/v1/shares/${share.json.id}`)).status).toBe(200);
    const revoked = await call(null, "GET", `/api/v1/share/${token}`);
    expect(revoked.status).toBe(404);
    expect(revoked.json).toEqual({ error: "not found" });
  });

  it("slows down an address that probes tokens, without affecting others", async () => {
    resetProbeLimit();
    const probe = { "x-forwarded-for": "198.51.100.66" };
    for (let i = 0; i < MAX_MISSES; i++) expect((await call(null, "GET", `/api/v1/share/probe${String(i).padStart(17, "x")}`, undefined, probe)).status).toBe(404);
    const blocked = await call(null, "GET", "/api/v1/share/AAAAAAAAAAAAAAAAAAAAAA", undefined, probe);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(null, "GET", "/api/v1/share/AAAAAAAAAAAAAAAAAAAAAA", undefined, { "x-forwarded-for": "198.51.100.67" })).status).toBe(404);
    resetProbeLimit();
  });
});

describe("audit trail API", () => {
  it("lists newest first with paging and action filter, and verifies the chain (admin only)", async () => {
    const first = await call("admin", "GET", "/api/v1/audit?limit=3");
    expect(first.status).toBe(200);
    expect(first.json.entries).toHaveLength(3);
    const ids = first.json.entries.map((e: { id: string }) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(first.json.entries[0]).toMatchObject({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), prevHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const second = await call("admin", "GET", `/api/v1/audit?limit=3&before=${first.json.nextBefore}`);
    expect(Number(second.json.entries[0].id)).toBeLessThan(ids[2]);
    expect(second.json.entries[0].prevHash).toBeDefined();
    const shareOpens = await call("admin", "GET", "/api/v1/audit?action=share.open");
    expect(shareOpens.json.entries.length).toBeGreaterThan(0);
    expect(shareOpens.json.entries.every((e: { action: string; user: unknown }) => e.action === "share.open" && e.user === null)).toBe(true);
    const alertEntries = await call("admin", "GET", "/api/v1/audit?action=alert");
    expect(new Set(alertEntries.json.entries.map((e: { action: string }) => e.action))).toEqual(new Set(["alert.status", "alert.assign", "alert.note", "alert.bulk"]));
    expect(alertEntries.json.entries.find((e: { action: string }) => e.action === "alert.status").user).toEqual({ id: user.analyst.id, email: "analyst@example.com" });
    expect((await call("admin", "GET", "/api/v1/audit/verify")).json).toMatchObject({ ok: true, checked: expect.any(Number) });
  });
});
