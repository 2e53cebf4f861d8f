/**
 * The rules and suppressions API, called as Next.js calls the handlers: list
 * with hit counts, create → backtest → enable → alert, test against a pasted
 * event, Sigma import, suppressions that hold back and count, permissions.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeAppDb, resetDb, testDb } from "../setup/db";
import { auditEvent, execEvent } from "../setup/fixtures";
import { callRoute } from "./search-request-scope";
import { normalizeAuditEvent } from "../../lib/ingest/audit/normalize";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { syncBuiltinRules, invalidateRuleCache } from "../../lib/detect/rules";
import { createUser } from "../../lib/auth/users";
import { createSession } from "../../lib/auth/sessions";
import { verifyChain } from "../../lib/audit/trail";
import * as rulesRoute from "../../app/api/v1/rules/route";
import * as ruleRoute from "../../app/api/v1/rules/[id]/route";
import * as backtestRoute from "../../app/api/v1/rules/backtest/route";
import * as testRoute from "../../app/api/v1/rules/test/route";
import * as sigmaRoute from "../../app/api/v1/rules/sigma/route";
import * as suppressionsRoute from "../../app/api/v1/suppressions/route";
import * as suppressionRoute from "../../app/api/v1/suppressions/[id]/route";
import * as alertsRoute from "../../app/api/v1/alerts/route";

process.env.DATABASE_URL = inject("databaseUrl");
const db = testDb();
let viewer: string;
let analyst: string;

const ingest = (records: object[]) => ingestEvents(db, records.map((r) => normalizeAuditEvent(r, "api")));

beforeAll(async () => {
  await resetDb(db);
  await syncBuiltinRules(db);
  viewer = (await createSession(db, (await createUser(db, { email: "vera@example.com", password: "a long enough passphrase", role: "viewer" })).id)).token;
  analyst = (await createSession(db, (await createUser(db, { email: "ana@example.com", password: "a long enough passphrase", role: "analyst" })).id)).token;
});
afterAll(async () => {
  await closeAppDb();
  await db.pool.end();
});

describe("rules API", () => {
  it("needs a login to read and an analyst to change", async () => {
    expect((await callRoute(rulesRoute.GET, { url: "/api/v1/rules" })).status).toBe(401);
    const r = await callRoute(rulesRoute.POST, { url: "/api/v1/rules", method: "POST", session: viewer, body: {} });
    expect(r.status).toBe(403);
    const p = await callRoute(ruleRoute.PATCH, { url: "/api/v1/rules/k8s.pod-exec-attach", method: "PATCH", session: viewer, body: { enabled: false }, params: { id: "k8s.pod-exec-attach" } });
    expect(p.status).toBe(403);
  });

  it("lists the pack with hit counts", async () => {
    await ingest([execEvent({ user: "henry" }), execEvent({ user: "henry", at: new Date(Date.now() - 1000) })]);
    const r = await callRoute(rulesRoute.GET, { url: "/api/v1/rules", session: viewer });
    const { rules } = await r.json();
    expect(rules.length).toBeGreaterThanOrEqual(35);
    const exec = rules.find((x: { id: string }) => x.id === "k8s.pod-exec-attach");
    expect(exec).toMatchObject({ builtin: true, origin: "builtin", enabled: true, kind: "match", hits: { alerts24h: 1, events24h: 2, alertsTotal: 1 } });
    expect(exec.equivalents).toContain("falco:Attach/Exec Pod");
  });

  it("create (disabled) → backtest → enable → a matching event raises an alert that shows the rule's equivalents", async () => {
    await ingest([auditEvent({ verb: "delete", resource: "persistentvolumeclaims", name: "data-0", user: "zoe", at: new Date(Date.now() - 3600_000) })]);
    const created = await callRoute(rulesRoute.POST, {
      url: "/api/v1/rules", method: "POST", session: analyst,
      body: { name: "PVC deleted", severity: "medium", kind: "match", definition: { query: "layer:audit AND verb:delete AND resource:persistentvolumeclaims" }, mitre: ["T1485"], equivalents: ["panther:Example.PVC.Deleted"] },
    });
    expect(created.status).toBe(201);
    const { rule } = await created.json();
    expect(rule).toMatchObject({ enabled: false, origin: "custom", builtin: false });

    const bt = await callRoute(backtestRoute.POST, { url: "/api/v1/rules/backtest", method: "POST", session: analyst, body: { kind: "match", definition: rule.definition } });
    expect(bt.status).toBe(200);
    const back = await bt.json();
    expect(back).toMatchObject({ count: 1, matches: 1 });
    expect(back.events[0]).toMatchObject({ actor: "zoe", resource: "persistentvolumeclaims" });

    await ingest([auditEvent({ verb: "delete", resource: "persistentvolumeclaims", name: "data-1", user: "zoe" })]);
    expect(await db.prisma.alert.count({ where: { ruleId: rule.id } })).toBe(0); // disabled

    const en = await callRoute(ruleRoute.PATCH, { url: `/api/v1/rules/${rule.id}`, method: "PATCH", session: analyst, body: { enabled: true }, params: { id: rule.id } });
    expect((await en.json()).rule.enabled).toBe(true);
    await ingest([auditEvent({ verb: "delete", resource: "persistentvolumeclaims", name: "data-2", user: "zoe" })]);
    const list = await (await callRoute(alertsRoute.GET, { url: "/api/v1/alerts", session: viewer })).json();
    const alert = list.alerts.find((a: { ruleId: string }) => a.ruleId === rule.id);
    expect(alert).toMatchObject({ ruleName: "PVC deleted", count: 1, rule: { id: rule.id, equivalents: ["panther:Example.PVC.Deleted"] } });
    const exec = list.alerts.find((a: { ruleId: string }) => a.ruleId === "k8s.pod-exec-attach");
    expect(exec.rule.equivalents).toContain("sigma:Potential Remote Command Execution In Pod Container");
    expect(await verifyChain(db.prisma)).toMatchObject({ ok: true });
  });

  it("rejects a bad definition naming the part, and keeps built-in rules read-only except enabled", async () => {
    const bad = await callRoute(rulesRoute.POST, { url: "/api/v1/rules", method: "POST", session: analyst, body: { name: "x", severity: "low", kind: "threshold", definition: { query: "verb:(get", groupBy: ["actor"], windowMinutes: 5, threshold: 3 } } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.stringContaining("definition.query"), path: "query", position: expect.any(Number) });
    const attr = await callRoute(rulesRoute.POST, { url: "/api/v1/rules", method: "POST", session: analyst, body: { name: "x", severity: "low", kind: "threshold", definition: { query: "verb:get", groupBy: ["attributes.user.groups"], windowMinutes: 5, threshold: 3 } } });
    expect((await attr.json()).error).toContain("definition.groupBy.0");
    const edit = await callRoute(ruleRoute.PATCH, { url: "/api/v1/rules/k8s.pod-exec-attach", method: "PATCH", session: analyst, body: { severity: "low" }, params: { id: "k8s.pod-exec-attach" } });
    expect(edit.status).toBe(400);
    const off = await callRoute(ruleRoute.PATCH, { url: "/api/v1/rules/k8s.pod-exec-attach", method: "PATCH", session: analyst, body: { enabled: false }, params: { id: "k8s.pod-exec-attach" } });
    expect((await off.json()).rule.enabled).toBe(false);
    await callRoute(ruleRoute.PATCH, { url: "/api/v1/rules/k8s.pod-exec-attach", method: "PATCH", session: analyst, body: { enabled: true }, params: { id: "k8s.pod-exec-attach" } });
  });

  it("tests a rule against a pasted audit event, clause by clause", async () => {
    const definition = { query: "layer:audit AND verb:create AND resource:pods AND subresource:(exec OR attach)" };
    const hit = await (await callRoute(testRoute.POST, { url: "/api/v1/rules/test", method: "POST", session: viewer, body: { kind: "match", definition, event: execEvent() } })).json();
    expect(hit).toMatchObject({ matched: true, format: "Kubernetes audit event" });
    const miss = await (await callRoute(testRoute.POST, { url: "/api/v1/rules/test", method: "POST", session: viewer, body: { kind: "match", definition, event: auditEvent({ verb: "get" }) } })).json();
    expect(miss.matched).toBe(false);
    expect(miss.steps[0].clauses).toEqual([
      { clause: "layer:audit", matched: true },
      { clause: "verb:create", matched: false },
      { clause: "resource:pods", matched: true },
      { clause: "subresource:exec OR subresource:attach", matched: false },
    ]);
    const junk = await callRoute(testRoute.POST, { url: "/api/v1/rules/test", method: "POST", session: viewer, body: { kind: "match", definition, event: [1, 2] } });
    expect(junk.status).toBe(400);
  });

  it("imports Sigma rules, keeps author and licence, and reports what it cannot import", async () => {
    const yaml = `title: Kubernetes Events Deleted
id: 3132570d-cab2-4561-9ea6-1743644b2290
status: test
description: Detects when events are deleted in Kubernetes.
references:
    - https://microsoft.github.io/Threat-Matrix-for-Kubernetes/techniques/Delete%20K8S%20events/
author: Leo Tsaousis (@laripping)
date: 2024-03-26
tags:
    - attack.stealth
    - attack.t1070
logsource:
    category: application
    product: kubernetes
    service: audit
detection:
    selection:
        verb: 'delete'
        objectRef.resource: 'events'
    condition: selection
level: medium
---
title: Windows thing
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4624
    condition: selection
---
title: Uses a transform
logsource:
    product: kubernetes
    service: audit
detection:
    selection:
        userAgent|base64offset|contains: 'curl'
    condition: selection
`;
    const r = await callRoute(sigmaRoute.POST, { url: "/api/v1/rules/sigma", method: "POST", session: analyst, body: { yaml } });
    expect(r.status).toBe(200);
    const out = await r.json();
    expect(out.imported).toHaveLength(1);
    expect(out.imported[0]).toMatchObject({ id: "sigma.3132570d-cab2-4561-9ea6-1743644b2290", author: "Leo Tsaousis (@laripping)", license: "DRL-1.1", created: true, enabled: true });
    expect(out.unsupported).toEqual([
      { rule: "Windows thing", reason: expect.stringContaining("logsource (product: windows, service: security) is not supported") },
      { rule: "Uses a transform", reason: expect.stringContaining("modifier 'base64offset' is not supported") },
    ]);
    const detail = await (await callRoute(ruleRoute.GET, { url: "/api/v1/rules/x", session: viewer, params: { id: out.imported[0].id } })).json();
    expect(detail.rule).toMatchObject({ origin: "sigma", mitre: ["T1070"], equivalents: ["sigma:Kubernetes Events Deleted"], severity: "medium" });
    expect(detail.rule.sourceText).toContain("author: Leo Tsaousis");
    expect(detail.rule.description).toContain("licensed under the DRL-1.1");
    // Re-importing updates in place.
    const again = await (await callRoute(sigmaRoute.POST, { url: "/api/v1/rules/sigma", method: "POST", session: analyst, body: { yaml: yaml.split("---")[0] } })).json();
    expect(again.imported[0]).toMatchObject({ created: false });
    // And it works: an Events deletion raises its alert.
    invalidateRuleCache();
    await ingest([auditEvent({ verb: "delete", resource: "events", name: "x.1", user: "mallory" })]);
    expect(await db.prisma.alert.count({ where: { ruleId: out.imported[0].id } })).toBe(1);
  });
});

describe("suppressions API", () => {
  it("holds matches back with reason, author and expiry, counts them, and stops when revoked", async () => {
    const bad = await callRoute(suppressionsRoute.POST, { url: "/api/v1/suppressions", method: "POST", session: analyst, body: { ruleId: "k8s.pod-exec-attach", match: { nosuch: ["x"] }, reason: "because" } });
    expect(bad.status).toBe(400);
    const c = await callRoute(suppressionsRoute.POST, {
      url: "/api/v1/suppressions", method: "POST", session: analyst,
      body: { ruleId: "k8s.pod-exec-attach", match: { actor: ["debug-bot"], namespace: ["payments", "shop"] }, reason: "nightly debug job execs on purpose", expiresInDays: 3 },
    });
    expect(c.status).toBe(201);
    const { suppression } = await c.json();
    expect(suppression).toMatchObject({ active: true, author: { email: "ana@example.com" }, summary: "actor = debug-bot, namespace = payments or shop", suppressed: 0 });
    expect(new Date(suppression.expiresAt).getTime()).toBeGreaterThan(Date.now() + 2.9 * 86_400_000);

    await ingest([execEvent({ user: "debug-bot" }), execEvent({ user: "debug-bot", at: new Date(Date.now() - 500) })]);
    expect(await db.prisma.alert.count({ where: { actor: "debug-bot" } })).toBe(0);
    const list = await (await callRoute(suppressionsRoute.GET, { url: "/api/v1/suppressions?ruleId=k8s.pod-exec-attach", session: viewer })).json();
    expect(list.suppressions[0]).toMatchObject({ id: suppression.id, suppressed: 2, lastSuppressedAt: expect.any(String) });
    const rule = await (await callRoute(ruleRoute.GET, { url: "/api/v1/rules/x", session: viewer, params: { id: "k8s.pod-exec-attach" } })).json();
    expect(rule.rule.suppressed).toMatchObject({ count: 2, active: 1 });

    const rv = await callRoute(suppressionRoute.DELETE, { url: `/api/v1/suppressions/${suppression.id}`, method: "DELETE", session: analyst, params: { id: String(suppression.id) } });
    expect((await rv.json()).suppression).toMatchObject({ active: false, revokedAt: expect.any(String), suppressed: 2 });
    await ingest([execEvent({ user: "debug-bot", at: new Date(Date.now() + 500) })]);
    expect(await db.prisma.alert.count({ where: { actor: "debug-bot" } })).toBe(1);
  });
});
