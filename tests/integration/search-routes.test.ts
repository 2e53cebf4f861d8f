/**
 * The search route handlers themselves, called as Next.js calls them (in a
 * request scope with the session cookie): login required, zod parsing and
 * error mapping, the JSON shapes of the contract, export headers and its
 * audit-trail entry.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeAppDb, resetDb, testDb } from "../setup/db";
import { callRoute, type RouteHandler } from "./search-request-scope";
import { ingestEvents } from "../../lib/ingest/pipeline";
import { emptyEvent } from "../../lib/events/types";
import { createUser } from "../../lib/auth/users";
import { createSession } from "../../lib/auth/sessions";
import { verifyChain } from "../../lib/audit/trail";
import * as eventsRoute from "../../app/api/v1/events/route";
import * as histogramRoute from "../../app/api/v1/events/histogram/route";
import * as facetsRoute from "../../app/api/v1/events/facets/route";
import * as tailRoute from "../../app/api/v1/events/tail/route";
import * as exportRoute from "../../app/api/v1/events/export/route";
import * as contextRoute from "../../app/api/v1/events/[id]/context/route";
import * as fieldsRoute from "../../app/api/v1/search/fields/route";

process.env.DATABASE_URL = inject("databaseUrl");
const db = testDb();
let viewer: string;
let viewerId: string;
let anchorId: string;

beforeAll(async () => {
  await resetDb(db);
  const u = await createUser(db, { email: "vic@example.com", password: "a long enough passphrase", role: "viewer" });
  viewerId = u.id;
  viewer = (await createSession(db, u.id)).token;
  const t0 = Date.now() - 10 * 60_000;
  await ingestEvents(db, Array.from({ length: 30 }, (_, i) =>
    emptyEvent({ ts: new Date(t0 + i * 1000), cluster: "r1", layer: i % 3 ? "container" : "audit", source: "test", severity: i % 5 ? "info" : "error",
      namespace: "web", pod: "front-1", container: i % 3 ? "nginx" : null, node: "n1", verb: i % 3 ? null : "get", message: `request ${i}` })));
  anchorId = (await db.pool.query<{ id: string }>("SELECT id::text FROM events WHERE message = 'request 10'")).rows[0].id;
});
afterAll(async () => {
  await closeAppDb();
  await db.pool.end();
});

const get = (handler: RouteHandler, url: string, params?: Record<string, string>) => callRoute(handler, { url, session: viewer, params });

describe("search routes", () => {
  it("require a login", async () => {
    for (const [h, url] of [[eventsRoute.GET, "/api/v1/events"], [facetsRoute.GET, "/api/v1/events/facets"], [tailRoute.GET, "/api/v1/events/tail"],
      [exportRoute.GET, "/api/v1/events/export"], [fieldsRoute.GET, "/api/v1/search/fields"]] as const) {
      expect((await callRoute(h, { url })).status, url).toBe(401);
    }
  });

  it("histogram: stack parameter, contract shape", async () => {
    const r = await get(histogramRoute.GET, "/api/v1/events/histogram?q=pod:front-1&from=now-1h&to=now&stack=severity");
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toMatchObject({ stack: "severity", intervalMs: expect.any(Number), from: expect.any(String), to: expect.any(String) });
    expect(body.buckets.reduce((s: number, b: { bySeverity: Record<string, number> }) => s + (b.bySeverity.error ?? 0), 0)).toBe(6);
    expect((await get(histogramRoute.GET, "/api/v1/events/histogram?stack=pod")).status).toBe(400);
  });

  it("facets: default fields, top values, 400 with a hint for a bad field", async () => {
    const r = await (await get(facetsRoute.GET, "/api/v1/events/facets?from=now-1h")).json();
    expect(Object.keys(r.facets)).toEqual(["cluster", "layer", "severity", "namespace", "pod", "node", "actor", "verb", "resource", "code"]);
    expect(r).toMatchObject({ total: 30, sampled: false });
    expect(r.facets.layer).toEqual([{ value: "container", count: 20 }, { value: "audit", count: 10 }]);
    const bad = await get(facetsRoute.GET, "/api/v1/events/facets?fields=message");
    expect(bad.status).toBe(400);
    expect((await bad.json()).hint).toContain("namespace");
  });

  it("a query syntax error is a 400 with position and hint on every endpoint", async () => {
    for (const [h, path] of [[eventsRoute.GET, "/api/v1/events"], [histogramRoute.GET, "/api/v1/events/histogram"], [facetsRoute.GET, "/api/v1/events/facets"],
      [tailRoute.GET, "/api/v1/events/tail"], [exportRoute.GET, "/api/v1/events/export"]] as const) {
      const r = await get(h, `${path}?q=${encodeURIComponent("verb:(get OR")}`);
      expect(r.status, path).toBe(400);
      expect((await r.json()).position, path).toBeTypeOf("number");
    }
  });

  it("context: default scope, anchor included, 404 for an unknown id", async () => {
    const r = await get(contextRoute.GET, `/api/v1/events/${anchorId}/context?lines=2`, { id: anchorId });
    const body = await r.json();
    expect(body.scope).toBe("container");
    expect(body.anchor.id).toBe(anchorId);
    expect(body.events.map((e: { message: string }) => e.message)).toEqual(["request 7", "request 8", "request 10", "request 11", "request 13"]);
    expect((await get(contextRoute.GET, "/api/v1/events/42424242/context", { id: "42424242" })).status).toBe(404);
    expect((await get(contextRoute.GET, `/api/v1/events/${anchorId}/context?window=10y`, { id: anchorId })).status).toBe(400);
  });

  it("tail: a cursor to poll with", async () => {
    // The tail shows a batch from 250 ms after its commit on (see lib/search/tail.ts).
    await new Promise((r) => setTimeout(r, 300));
    const body = await (await get(tailRoute.GET, `/api/v1/events/tail?since=${encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString())}`)).json();
    expect(body.events).toHaveLength(30);
    expect(body.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const again = await (await get(tailRoute.GET, `/api/v1/events/tail?since=${body.cursor}`)).json();
    expect(again.events).toEqual([]);
  });

  it("export: streamed attachment, audit entry written first", async () => {
    const r = await get(exportRoute.GET, "/api/v1/events/export?q=pod:front-1&from=2026-01-01T00:00:00Z&to=now&format=ndjson&limit=25");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/x-ndjson");
    expect(r.headers.get("content-disposition")).toMatch(/^attachment; filename="crowsnest-events-20260101T000000Z-\d{8}T\d{6}Z\.ndjson"$/);
    const lines = (await r.text()).trim().split("\n");
    expect(lines).toHaveLength(25);
    const audit = await db.prisma.auditLog.findMany({ where: { action: "events.export" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: viewerId, details: { q: "pod:front-1", format: "ndjson", limit: 25 } });
    expect(await verifyChain(db.prisma)).toMatchObject({ ok: true });
    const csv = await get(exportRoute.GET, "/api/v1/events/export?from=now-1h&format=csv");
    expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(31);
    expect((await get(exportRoute.GET, "/api/v1/events/export?limit=2000000")).status).toBe(400);
  });

  it("fields: every field with kind and description, aliases", async () => {
    const body = await (await get(fieldsRoute.GET, "/api/v1/search/fields")).json();
    expect(body.fields.find((f: { name: string }) => f.name === "namespace")).toEqual({ name: "namespace", kind: "keyword", description: "namespace" });
    expect(body.fields.find((f: { name: string }) => f.name === "code").kind).toBe("number");
    expect(body.aliases.ns).toBe("namespace");
  });
});
