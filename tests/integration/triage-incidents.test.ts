import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { micromark } from "micromark";
import { testDb, resetDb } from "../setup/db";
import { auditEvent } from "../setup/fixtures";
import { makeAlert, makeRules } from "../setup/triage-fixtures";
import { normalizeAuditBody } from "../../lib/ingest/audit/normalize";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { createUser } from "../../lib/auth/users";
import { getAlertDetail } from "../../lib/alerts/queries";
import { addAlertNote } from "../../lib/alerts/notes";
import { updateAlert } from "../../lib/alerts/triage";
import { addAlertsToIncident, createIncident, listIncidents, updateIncident } from "../../lib/incidents/incidents";
import { getIncidentDetail } from "../../lib/incidents/detail";
import { addEvidence, removeEvidence } from "../../lib/incidents/evidence";
import { suggestIncidents } from "../../lib/incidents/suggestions";
import { buildIncidentReport } from "../../lib/incidents/report";
import { parseIncidentKey } from "../../lib/incidents/keys";
import { EvidenceInput } from "../../lib/incidents/schemas";
import { createShareLink, listShareLinks, revokeShareLink } from "../../lib/share/links";
import { openSharedIncident } from "../../lib/share/public-view";
import { verifyChain } from "../../lib/audit/trail";
import type { SessionUser } from "../../lib/auth/roles";

const db = testDb();
let ana: SessionUser;
let carl: SessionUser;
let admin: SessionUser;
const meta = { ip: "203.0.113.50", userAgent: "test-browser" };
const HOUR = 3_600_000;

beforeAll(async () => {
  await resetDb(db);
  await makeRules(db);
  ana = await createUser(db, { email: "ana@example.com", password: "correct horse battery", role: "analyst", name: "Ana Lyst" });
  carl = await createUser(db, { email: "carl@example.com", password: "correct horse battery", role: "analyst" });
  admin = await createUser(db, { email: "root@example.com", password: "correct horse battery", role: "admin" });
});
afterAll(() => db.pool.end());

describe("incident lifecycle", () => {
  it("creates from alerts, infers the entity, links the alerts with history, and moves through its statuses", async () => {
    await db.prisma.pod.create({ data: { cluster: "prod-eu-1", namespace: "payments", name: "odd-name", workload: "payments-api", firstSeen: new Date(), lastSeen: new Date() } });
    const a1 = await makeAlert(db);
    const a2 = await makeAlert(db, { pod: "odd-name" });
    const { incident, skipped } = await createIncident(db, ana, { title: "Stolen token in payments", severity: "high", alertIds: [a1, a2, 999_999] });
    expect(skipped).toEqual([{ id: 999_999, reason: "not found" }]);
    expect(incident).toMatchObject({
      key: `INC-${incident.id}`, status: "open", owner: { id: ana.id, email: "ana@example.com" },
      cluster: "prod-eu-1", namespace: "payments", workload: "payments-api", alertCount: 2, evidenceCount: 0,
    });
    const alert = (await getAlertDetail(db, a1))!;
    expect(alert.alert.incident).toEqual({ id: incident.id, key: incident.key });
    expect(alert.incident).toMatchObject({ key: incident.key, title: "Stolen token in payments" });
    expect(alert.history.at(-1)).toMatchObject({ action: "incident", fromStatus: "open", toStatus: "open", reason: `added to ${incident.key}` });

    for (const status of ["investigating", "contained", "resolved", "open"] as const) {
      expect((await updateIncident(db, ana, incident.id, { status })).status).toBe(status);
    }
    const owned = await updateIncident(db, ana, incident.id, { ownerId: carl.id, title: "Stolen SA token", summary: "long text" });
    expect(owned).toMatchObject({ owner: { id: carl.id }, title: "Stolen SA token", summary: "long text" });
    await expect(updateIncident(db, ana, incident.id, { title: "Stolen SA token" })).rejects.toMatchObject({ status: 409 });
    await expect(updateIncident(db, ana, 999_999, { status: "open" })).rejects.toMatchObject({ status: 404 });

    const d = (await getIncidentDetail(db, parseIncidentKey(incident.key)))!;
    expect(d.alerts.map((a) => a.id)).toEqual([a1, a2].sort((x, y) => x - y));
    expect(d.activity.map((a) => a.action)).toEqual(["incident.create", "alerts.add", "incident.update", "incident.update", "incident.update", "incident.update", "incident.update"]);
    expect(d.activity[2].details).toEqual({ changes: { status: { from: "open", to: "investigating" } } });
    expect(d.activity[6].details).toMatchObject({ changes: { ownerId: { from: ana.id, to: carl.id }, summary: { from: "0 chars", to: "9 chars" } } });
    expect(parseIncidentKey("42")).toBe(42);
    expect(parseIncidentKey("inc-42")).toBe(42);
    expect(() => parseIncidentKey("INC-abc")).toThrow();
    await expect(db.pool.query("UPDATE incident_activity SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.pool.query("DELETE FROM incident_activity")).rejects.toThrow(/append-only/);
  });

  it("adds alerts later, skips those already in, moves alerts from another incident and lists with counts", async () => {
    const a = await makeAlert(db, { title: "first" });
    const b = await makeAlert(db, { title: "second" });
    const one = (await createIncident(db, ana, { title: "One", severity: "medium", alertIds: [a] })).incident;
    const two = (await createIncident(db, carl, { title: "Two", severity: "critical" })).incident;
    expect(two).toMatchObject({ cluster: null, namespace: null, alertCount: 0 });
    const r = await addAlertsToIncident(db, carl, two.id, [a, b]);
    expect(r).toEqual({ added: [a, b], skipped: [] });
    expect((await addAlertsToIncident(db, carl, two.id, [a])).skipped).toEqual([{ id: a, reason: `already in ${two.key}` }]);
    expect((await getAlertDetail(db, a))!.history.at(-1)).toMatchObject({ action: "incident", reason: `moved from ${one.key} to ${two.key}` });
    expect((await getIncidentDetail(db, one.id))!.activity.at(-1)).toMatchObject({ action: "alerts.remove", details: { alertIds: [a], movedTo: two.key } });
    const critical = await listIncidents(db, {});
    expect(critical.find((i) => i.id === two.id)).toMatchObject({ alertCount: 2, severity: "critical" });
    expect(critical.find((i) => i.id === one.id)).toMatchObject({ alertCount: 0 });
    await updateIncident(db, carl, two.id, { status: "contained" });
    expect((await listIncidents(db, { status: "contained" })).map((i) => i.key)).toEqual([two.key]);
  });
});

describe("evidence", () => {
  it("pins events (exact microsecond), searches with an absolute window and notes; removal stays on the timeline", async () => {
    const { incident } = await createIncident(db, ana, { title: "Evidence", severity: "high" });
    const ts = new Date(Date.now() - 10 * 60_000).toISOString().replace("Z", "456Z");
    const rec = { ...auditEvent({ user: "evidence-user", verb: "get", resource: "secrets", name: "db-password" }), requestReceivedTimestamp: ts, stageTimestamp: ts };
    await ingestEvents(db, normalizeAuditBody(JSON.stringify(rec), "prod-eu-1").events);
    const { rows } = await db.pool.query<{ id: string }>(`SELECT id::text AS id FROM events WHERE actor = 'evidence-user'`);
    const eventId = rows[0].id;

    const ev = await addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "event", eventId, eventTs: ts }));
    expect(ev).toMatchObject({ kind: "event", eventId, eventTs: ts, event: { id: eventId, actor: "evidence-user", ts }, addedBy: { email: "ana@example.com" } });
    await expect(addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "event", eventId, eventTs: ts }))).rejects.toMatchObject({ status: 409 });
    await expect(addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "event", eventId, eventTs: ts.replace("456Z", "457Z") }))).rejects.toMatchObject({ status: 400 });
    // two analysts pinning the same event at once: one wins, the other is told
    const other = (await createIncident(db, carl, { title: "Race", severity: "low" })).incident.id;
    const race = await Promise.allSettled([1, 2].map(() => addEvidence(db, carl, other, EvidenceInput.parse({ kind: "event", eventId, eventTs: ts }))));
    expect(race.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(race.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });

    const before = Date.now();
    const search = await addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "search", query: "actor:evidence-user AND resource:secrets", from: "now-1h", to: "now" }));
    expect(Date.parse(search.to!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(search.to!) - Date.parse(search.from!)).toBe(HOUR);
    await expect(addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "search", query: "actor:(", from: "now-1h", to: "now" }))).rejects.toMatchObject({ status: 400 });
    await expect(addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "search", query: "x", from: "now-1h", to: "now", savedSearchId: "77" }))).rejects.toMatchObject({ status: 400 });
    const note = await addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "note", body: "Token **rotated** at 10:02" }));
    expect(() => EvidenceInput.parse({ kind: "event", eventId: "1; DROP TABLE x", eventTs: ts })).toThrow();

    await removeEvidence(db, carl, incident.id, Number(note.id));
    await expect(removeEvidence(db, carl, incident.id, Number(note.id))).rejects.toMatchObject({ status: 404 });
    const d = (await getIncidentDetail(db, incident.id))!;
    expect(d.incident.evidenceCount).toBe(2);
    expect(d.evidence.map((e) => e.kind)).toEqual(["event", "search"]);
    expect(d.activity.filter((a) => a.action.startsWith("evidence.")).map((a) => [a.action, a.details.kind, a.user?.email])).toEqual([
      ["evidence.add", "event", "ana@example.com"],
      ["evidence.add", "search", "ana@example.com"],
      ["evidence.add", "note", "ana@example.com"],
      ["evidence.remove", "note", "carl@example.com"],
    ]);
  });
});

describe("suggested groupings", () => {
  it("groups open, unassigned-to-incident alerts of one cluster + namespace + workload within 2 h", async () => {
    await db.pool.query("UPDATE alerts SET status = 'resolved' WHERE status <> 'resolved'");
    const t = Date.now() - 10 * HOUR;
    const at = (h: number) => ({ firstSeen: new Date(t + h * HOUR), lastSeen: new Date(t + h * HOUR + 60_000) });
    const g1 = [
      await makeAlert(db, { namespace: "shop", pod: "cart-5f6d7c8b9-abcde".replace("abcde", "x7kzq"), ...at(0) }),
      await makeAlert(db, { namespace: "shop", pod: "cart-5f6d7c8b9-qq2wz", ...at(1.5) }),
      await makeAlert(db, { namespace: "shop", pod: "cart-5f6d7c8b9-x7kzq", ...at(3), severity: "critical" }),
    ];
    await makeAlert(db, { namespace: "shop", pod: "cart-5f6d7c8b9-x7kzq", ...at(6) }); // 3 h after the group: alone, not suggested
    await makeAlert(db, { namespace: "shop", pod: "checkout-7c9d8f6b5-m4n5p", ...at(0.5) }); // another workload, alone
    await makeAlert(db, { namespace: "shop", pod: "cart-5f6d7c8b9-x7kzq", ...at(0.2), status: "resolved" });
    const inIncident = (await createIncident(db, ana, { title: "x", severity: "low" })).incident.id;
    await makeAlert(db, { namespace: "shop", pod: "cart-5f6d7c8b9-x7kzq", ...at(0.3), incidentId: inIncident });
    await makeAlert(db, { namespace: "shop", cluster: "prod-us-1", pod: "cart-5f6d7c8b9-x7kzq", ...at(0.4) }); // other cluster, alone

    const s = await suggestIncidents(db);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({
      cluster: "prod-eu-1", namespace: "shop", workload: "cart", alertIds: g1, severity: "critical",
      firstSeen: new Date(t).toISOString(), lastSeen: new Date(t + 3 * HOUR + 60_000).toISOString(), title: "3 alerts on shop/cart in prod-eu-1",
    });
    const { incident } = await createIncident(db, ana, { title: s[0].title, severity: "critical", alertIds: s[0].alertIds, cluster: s[0].cluster, namespace: s[0].namespace, workload: s[0].workload });
    expect(incident).toMatchObject({ workload: "cart", alertCount: 3 });
    expect(await suggestIncidents(db)).toEqual([]);
  });
});

describe("incident report", () => {
  const evil = "x``` </code><script>alert(1)</script>\n# Owned\n<img src=x onerror=alert(2)> [click](javascript:alert(3)) ```";

  it("exports Markdown and JSON with alerts, evidence, notes and history; attacker strings stay inert", async () => {
    const a = await makeAlert(db, { title: evil, actor: "<b>mallory</b>", pod: "`pod`" });
    await addAlertNote(db, ana, a, `Note with a fence:\n\`\`\`\n<script>alert(4)</script>\n\`\`\`\n${evil}`);
    await updateAlert(db, ana, a, { status: "acknowledged", reason: evil });
    const { incident } = await createIncident(db, ana, { title: evil, severity: "high", alertIds: [a], summary: evil });
    await addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "note", body: evil }));
    await addEvidence(db, ana, incident.id, EvidenceInput.parse({ kind: "search", query: 'message:"<script>"', from: "now-1h", to: "now" }));

    const auditBefore = await db.prisma.auditLog.count({ where: { action: "incident.export" } });
    const md = await buildIncidentReport(db, carl, incident.id, "md");
    expect(md).toMatchObject({ filename: `${incident.key}-report.md`, contentType: "text/markdown; charset=utf-8" });
    expect(md.body).toContain(`# ${incident.key}: `);
    expect(md.body).toContain("## Alerts (1)");
    expect(md.body).toContain("## Evidence (2)");
    expect(md.body).toContain("acknowledged");
    expect(md.body).toContain(`http://127.0.0.1:3000/alerts/${a}`);
    // Rendered by a CommonMark renderer that passes raw HTML through: nothing the attacker wrote became markup.
    const html = micromark(md.body, { allowDangerousHtml: true });
    expect(html).not.toMatch(/<script|<img|<b>mallory|href="javascript/i);
    expect(html).not.toMatch(/<h1>Owned/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html.match(/<h1>/g)).toHaveLength(1);

    const json = await buildIncidentReport(db, carl, incident.id, "json");
    const report = JSON.parse(json.body);
    expect(report).toMatchObject({ format: "crowsnest.incident-report/v1", generatedBy: { email: "carl@example.com" }, incident: { key: incident.key, title: evil } });
    expect(report.alerts).toHaveLength(1);
    expect(report.evidence.map((e: { kind: string }) => e.kind)).toEqual(["note", "search"]);
    expect(report.alertHistory.map((h: { action: string }) => h.action)).toEqual(["status", "status", "incident"]);
    expect(report.notes[0].body).toContain("<script>alert(4)</script>");
    expect(report.activity.map((x: { action: string }) => x.action)).toContain("incident.export");
    expect(await db.prisma.auditLog.count({ where: { action: "incident.export" } })).toBe(auditBefore + 2);
    await expect(buildIncidentReport(db, carl, 999_999, "md")).rejects.toMatchObject({ status: 404 });
  });
});

describe("share links", () => {
  it("opens read-only without emails, counts and logs every open, and 404s when wrong, expired or revoked", async () => {
    const a = await makeAlert(db, { title: "shared alert" });
    await addAlertNote(db, ana, a, "seen by ana");
    await updateAlert(db, ana, a, { assigneeId: "me" });
    const { incident } = await createIncident(db, ana, { title: "Shared", severity: "high", alertIds: [a] });
    const link = await createShareLink(db, ana, incident.id, 24);
    const token = link.url.replace("/share/", "");
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 bits
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(23.9 * HOUR);
    const stored = await db.prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(await listShareLinks(db, incident.id))).not.toContain(token);

    const view = await openSharedIncident(db, token, meta);
    expect(view).toMatchObject({ incident: { key: incident.key, title: "Shared", owner: "Ana Lyst" }, alerts: [{ id: a, title: "shared alert" }], notes: [{ author: "Ana Lyst", body: "seen by ana" }] });
    expect(JSON.stringify(view)).not.toMatch(/@example\.com/);
    expect(JSON.stringify(view)).not.toContain(ana.id);
    await openSharedIncident(db, token, meta);
    expect((await listShareLinks(db, incident.id))[0]).toMatchObject({ openCount: 2, active: true, createdBy: { email: "ana@example.com" } });
    const opens = await db.prisma.auditLog.findMany({ where: { action: "share.open", target: `incident:${incident.id}` } });
    expect(opens).toHaveLength(2);
    expect(opens[0]).toMatchObject({ userId: null, details: { shareId: link.id, ip: meta.ip, userAgent: "test-browser" } });
    expect((await getIncidentDetail(db, incident.id))!.activity.filter((x) => x.action === "share.open")).toHaveLength(2);

    expect(await openSharedIncident(db, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"), meta)).toBeNull();
    expect(await openSharedIncident(db, "../../etc/passwd", meta)).toBeNull();

    await expect(revokeShareLink(db, carl, link.id)).rejects.toMatchObject({ status: 403 });
    await revokeShareLink(db, ana, link.id);
    expect(await openSharedIncident(db, token, meta)).toBeNull();
    await expect(revokeShareLink(db, ana, link.id)).rejects.toMatchObject({ status: 404 });

    const expiring = await createShareLink(db, carl, incident.id, 1);
    await db.pool.query(`UPDATE share_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    expect(await openSharedIncident(db, expiring.url.slice(7), meta)).toBeNull();
    const other = await createShareLink(db, carl, incident.id, 720);
    await revokeShareLink(db, admin, other.id); // admins may revoke any link
    expect((await listShareLinks(db, incident.id)).map((l) => l.active)).toEqual([false, false, false]);
    const actions = (await getIncidentDetail(db, incident.id))!.activity.map((x) => x.action);
    expect(actions.filter((x) => x.startsWith("share."))).toEqual(["share.create", "share.open", "share.open", "share.revoke", "share.create", "share.create", "share.revoke"]);
  });

  it("the audit trail verifies after all of it, and an edit breaks it", async () => {
    const v = await verifyChain(db.prisma, 7); // small batches: the paging itself is exercised
    expect(v.ok).toBe(true);
    expect(v.checked).toBeGreaterThan(30);
    const actions = (await db.prisma.auditLog.findMany({ select: { action: true } })).map((r) => r.action);
    for (const a of ["incident.create", "incident.update", "incident.alerts.add", "incident.evidence.add", "incident.evidence.remove", "incident.export", "share.create", "share.open", "share.revoke", "alert.note", "alert.status", "alert.assign"]) {
      expect(actions, a).toContain(a);
    }
    await db.pool.query("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update");
    const { rows } = await db.pool.query<{ id: string }>("UPDATE audit_log SET details = '{}' WHERE id = (SELECT min(id) + 10 FROM audit_log) RETURNING id::text AS id");
    await db.pool.query("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update");
    expect(await verifyChain(db.prisma, 7)).toMatchObject({ ok: false, brokenAt: rows[0].id });
  });
});
