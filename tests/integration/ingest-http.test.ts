import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { inject } from "vitest";
import { testDb, resetDb, closeAppDb } from "../setup/db";
import { auditEvent, eventList } from "../setup/fixtures";
import { startRouteServer } from "../setup/route-server";
import { createIngestToken, revokeIngestToken } from "../../lib/auth/tokens";

// Route handlers read DATABASE_URL through getDb().
process.env.DATABASE_URL = inject("databaseUrl");
const db = testDb();
let base = "";
let close: () => Promise<void>;
let token = "";
let tokenId = "";

beforeAll(async () => {
  await resetDb(db);
  const audit = await import("../../app/api/v1/ingest/k8s-audit/route");
  const s = await startRouteServer({ "/api/v1/ingest/k8s-audit": { POST: audit.POST } });
  base = s.url;
  close = s.close;
  ({ token, id: tokenId } = await createIngestToken(db, { cluster: "http-test" }));
});
afterAll(async () => {
  await close();
  await closeAppDb();
  await db.pool.end();
});

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/v1/ingest/k8s-audit`, { method: "POST", body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers } });

describe("POST /api/v1/ingest/k8s-audit over HTTP", () => {
  it("accepts gzip NDJSON", async () => {
    const nd = [auditEvent({ name: "gz-1" }), auditEvent({ name: "gz-2" })].map((e) => JSON.stringify(e)).join("\n");
    const r = await post(gzipSync(nd), { "content-encoding": "gzip", "content-type": "application/x-ndjson" });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ accepted: 2, duplicates: 0, rejected: 0 });
  });

  it("a poison record in a batch of 400 is reported; the other 399 are stored", async () => {
    const items: unknown[] = Array.from({ length: 400 }, (_, i) => auditEvent({ name: `batch-${i}` }));
    items[123] = { kind: "Event", verb: 42, objectRef: "nope" };
    const r = await post(JSON.stringify(eventList(items as object[])));
    const body = await r.json();
    expect(r.status).toBe(200);
    expect(body).toMatchObject({ accepted: 399, rejected: 1 });
    expect(body.errors[0].index).toBe(123);
  });

  it("a replayed batch stores nothing twice", async () => {
    const batch = JSON.stringify(eventList([auditEvent({ name: "replay-1" }), auditEvent({ name: "replay-2" })]));
    expect(await (await post(batch)).json()).toMatchObject({ accepted: 2, duplicates: 0 });
    expect(await (await post(batch)).json()).toMatchObject({ accepted: 0, duplicates: 2 });
  });

  it("413 for a 25 MiB body, 400 for an undecodable one, 415 for an unknown type", async () => {
    expect((await post("x".repeat(25 * 1024 * 1024))).status).toBe(413);
    expect((await post("this is not json")).status).toBe(400);
    expect((await post("{}", { "content-type": "application/xml" })).status).toBe(415);
  });

  it("413 for a gzip bomb", async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
    const r = await post(bomb, { "content-encoding": "gzip" });
    expect(r.status).toBe(413);
  });

  it("401 without or with a wrong token, 403 once revoked", async () => {
    const noAuth = await fetch(`${base}/api/v1/ingest/k8s-audit`, { method: "POST", body: "{}" });
    expect(noAuth.status).toBe(401);
    expect(noAuth.headers.get("www-authenticate")).toContain("Bearer");
    expect((await post("{}", { authorization: "Bearer cn_nope" })).status).toBe(401);
    await revokeIngestToken(db, tokenId);
    expect((await post(JSON.stringify(auditEvent()))).status).toBe(403);
  });
});
