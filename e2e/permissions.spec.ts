import { expect, test } from "@playwright/test";
import { loginApi } from "./helpers";

test("a viewer can read but not change alerts or manage tokens; logged-out gets 401", async ({ browser, baseURL, request }) => {
  await loginApi(request);
  const email = `viewer-${Date.now()}@e2e.test`;
  const created = await request.post("/api/v1/users", { data: { email, password: "viewer-password-123", role: "viewer" } });
  expect(created.status()).toBe(201);

  const ctx = await browser.newContext({ baseURL });
  await loginApi(ctx.request, { email, password: "viewer-password-123" });
  expect((await ctx.request.get("/api/v1/alerts")).status()).toBe(200);
  expect((await ctx.request.patch("/api/v1/alerts/1", { data: { status: "acknowledged" } })).status()).toBe(403);
  expect((await ctx.request.post("/api/v1/tokens", { data: { cluster: "x" } })).status()).toBe(403);
  expect((await ctx.request.get("/api/v1/users")).status()).toBe(403);
  await ctx.close();

  const anon = await browser.newContext({ baseURL });
  expect((await anon.request.get("/api/v1/events")).status()).toBe(401);
  expect((await anon.request.get("/api/v1/health")).status()).toBe(200);
  expect(await (await anon.request.get("/api/v1/health")).json()).toEqual({ status: "ok" });
  await anon.close();
});

test("bad input gets a clear error", async ({ request }) => {
  await loginApi(request);
  const bad = await request.get("/api/v1/events?from=yesterday");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toBeTruthy();
  const syntax = await request.get(`/api/v1/events?q=${encodeURIComponent('message:"open')}`);
  expect(syntax.status()).toBe(400);
  expect(await syntax.json()).toMatchObject({ position: expect.any(Number) });
  const wrongLogin = await request.post("/api/v1/auth/login", { data: { email: "admin@e2e.test", password: "nope" } });
  expect(wrongLogin.status()).toBe(401);
});
