import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres, type EmbeddedDb } from "../../lib/embedded-pg";
import { migrate } from "../../lib/migrate";
import { createDb } from "../../lib/db";
import { createIngestToken } from "../../lib/auth/tokens";
import { startRouteServer } from "../setup/route-server";
import { closeAppDb } from "../setup/db";
import { auditEvent } from "../setup/fixtures";

// Its own PostgreSQL, so the test can stop and restart it under a running app.
let dir = "";
let pg: EmbeddedDb;
let port = 0;
let base = "";
let close: () => Promise<void>;
let token = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "crowsnest-outage-"));
  pg = await startEmbeddedPostgres(dir);
  port = Number(new URL(pg.url).port);
  await migrate(pg.url);
  process.env.DATABASE_URL = pg.url;
  const db = createDb(pg.url, 1);
  ({ token } = await createIngestToken(db, { cluster: "outage" }));
  await db.pool.end();
  const audit = await import("../../app/api/v1/ingest/k8s-audit/route");
  ({ url: base, close } = await startRouteServer({ "/api/v1/ingest/k8s-audit": { POST: audit.POST } }));
});
afterAll(async () => {
  await close();
  await closeAppDb();
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
});

const post = () =>
  fetch(`${base}/api/v1/ingest/k8s-audit`, { method: "POST", body: JSON.stringify(auditEvent()), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });

describe("the database stops mid-ingest", () => {
  it("answers 503 + Retry-After while it is down, and recovers without restarting the app", async () => {
    expect((await post()).status).toBe(200);
    await pg.stop();
    const down = await post();
    expect(down.status).toBe(503);
    expect(Number(down.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await down.json()).error).toMatch(/database unavailable/);
    pg = await startEmbeddedPostgres(dir, { port });
    let status = 0;
    for (let i = 0; i < 10 && status !== 200; i++) {
      status = (await post()).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 300));
    }
    expect(status).toBe(200);
  });
});
