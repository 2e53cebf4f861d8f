/**
 * Saved searches through their route handlers: private to the owner or
 * shared with the team, who may change them, validation of the query.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeAppDb, resetDb, testDb } from "../setup/db";
import { callRoute } from "./search-request-scope";
import { createUser } from "../../lib/auth/users";
import { createSession } from "../../lib/auth/sessions";
import * as list from "../../app/api/v1/searches/route";
import * as one from "../../app/api/v1/searches/[id]/route";

process.env.DATABASE_URL = inject("databaseUrl");
const db = testDb();
const s: Record<"viewer" | "analyst" | "other" | "admin", string> = { viewer: "", analyst: "", other: "", admin: "" };

beforeAll(async () => {
  await resetDb(db);
  for (const [key, role] of [["viewer", "viewer"], ["analyst", "analyst"], ["other", "analyst"], ["admin", "admin"]] as const) {
    const u = await createUser(db, { email: `${key}@example.com`, password: "a long enough passphrase", role });
    s[key] = (await createSession(db, u.id)).token;
  }
});
afterAll(async () => {
  await closeAppDb();
  await db.pool.end();
});

type Saved = { id: string; name: string; query: string; from: string; to: string; columns: string[] | null; shared: boolean; mine: boolean; owner: { email: string } };
const post = (who: keyof typeof s, body: unknown) => callRoute(list.POST, { url: "/api/v1/searches", method: "POST", session: s[who], body });
const patch = (who: keyof typeof s, id: string, body: unknown) => callRoute(one.PATCH, { url: `/api/v1/searches/${id}`, method: "PATCH", session: s[who], body, params: { id } });
const del = (who: keyof typeof s, id: string) => callRoute(one.DELETE, { url: `/api/v1/searches/${id}`, method: "DELETE", session: s[who], params: { id } });
const mine = async (who: keyof typeof s): Promise<Saved[]> => (await (await callRoute(list.GET, { url: "/api/v1/searches", session: s[who] })).json()).searches;

describe("saved searches", () => {
  let privateId: string;
  let sharedId: string;

  it("a viewer saves a private search; sharing needs analyst", async () => {
    const r = await post("viewer", { name: "my 403s", query: "code:403", from: "now-24h", to: "now" });
    expect(r.status).toBe(201);
    const { search } = (await r.json()) as { search: Saved };
    expect(search).toMatchObject({ name: "my 403s", query: "code:403", from: "now-24h", to: "now", columns: null, shared: false, mine: true, owner: { email: "viewer@example.com" } });
    privateId = search.id;
    expect((await post("viewer", { name: "team", query: "", from: "now-1h", to: "now", shared: true })).status).toBe(403);
  });

  it("an analyst shares one with columns; others see shared ones, never private ones", async () => {
    const r = await post("analyst", { name: "execs", query: "verb:create AND subresource:(exec OR attach)", from: "now-7d", to: "now", columns: ["ts", "actor", "pod"], shared: true });
    const { search } = (await r.json()) as { search: Saved };
    sharedId = search.id;
    expect(search.columns).toEqual(["ts", "actor", "pod"]);
    const seenByOther = await mine("other");
    expect(seenByOther.map((x) => [x.name, x.mine])).toEqual([["execs", false]]);
    expect((await mine("viewer")).map((x) => x.name).sort()).toEqual(["execs", "my 403s"]);
  });

  it("validates name, time expressions, columns and the query (with its position)", async () => {
    expect((await post("viewer", { name: "", query: "", from: "now-1h", to: "now" })).status).toBe(400);
    expect((await post("viewer", { name: "x", query: "", from: "yesterday", to: "now" })).status).toBe(400);
    expect((await post("viewer", { name: "x", query: "", from: "now-1h", to: "now", columns: ["nosuch"] })).status).toBe(400);
    const bad = await post("viewer", { name: "x", query: "verb:(get", from: "now-1h", to: "now" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).position).toBeTypeOf("number");
  });

  it("only the owner or an admin changes or deletes; someone else's private search does not exist for you", async () => {
    expect((await patch("other", sharedId, { name: "mine now" })).status).toBe(403);
    expect((await del("other", sharedId)).status).toBe(403);
    expect((await patch("other", privateId, { name: "peek" })).status).toBe(404);
    const renamed = await patch("viewer", privateId, { name: "my 401s and 403s", query: "code:(401 OR 403)", columns: ["ts", "code"] });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { search: Saved }).search).toMatchObject({ name: "my 401s and 403s", query: "code:(401 OR 403)", columns: ["ts", "code"] });
    expect((await patch("viewer", privateId, { shared: true })).status).toBe(403);
    const byAdmin = await patch("admin", sharedId, { name: "execs (reviewed)" });
    expect(((await byAdmin.json()) as { search: Saved }).search).toMatchObject({ name: "execs (reviewed)", mine: false });
    expect((await patch("analyst", sharedId, { shared: false })).status).toBe(200);
    expect((await mine("other")).map((x) => x.name)).toEqual([]);
    expect((await del("admin", privateId)).status).toBe(200);
    expect((await mine("viewer")).map((x) => x.id)).not.toContain(privateId);
    expect((await del("viewer", "abc")).status).toBe(404);
  });

  it("requires a login", async () => {
    expect((await callRoute(list.GET, { url: "/api/v1/searches" })).status).toBe(401);
    expect((await callRoute(list.POST, { url: "/api/v1/searches", method: "POST", body: { name: "x", query: "", from: "now-1h", to: "now" } })).status).toBe(401);
  });
});
