import { expect, test } from "@playwright/test";
import { ADMIN, auditEvent, loginApi, loginUi, screenshotPath } from "./helpers";

test.describe.configure({ mode: "serial" });

let token = "";
const attacker = `mallory-${Date.now()}`;
const pod = `checkout-${Date.now().toString(36)}`;

test("log in, create an ingest token on the admin screen", async ({ page }) => {
  await loginUi(page);
  await page.goto("/admin/tokens");
  await page.getByLabel(/cluster/i).fill("e2e-prod");
  await page.getByRole("button", { name: /create/i }).click();
  const box = page.getByTestId("new-token");
  await expect(box).toContainText("cn_");
  token = (await box.textContent())!.match(/cn_[A-Za-z0-9_-]+/)![0];
  await page.screenshot({ path: screenshotPath("admin-tokens"), fullPage: true });
});

test("post audit events with the token; bad records are reported, good ones stored", async ({ request }) => {
  const items = [
    auditEvent({ verb: "list", pod, agoMs: 120_000 }),
    auditEvent({ verb: "get", pod, code: 403, user: attacker, agoMs: 60_000 }),
    auditEvent({ verb: "create", subresource: "exec", pod, code: 101, user: attacker, agoMs: 30_000 }),
  ];
  const r = await request.post("/api/v1/ingest/k8s-audit", {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: { kind: "EventList", apiVersion: "audit.k8s.io/v1", items },
  });
  expect(r.status()).toBe(200);
  expect(await r.json()).toEqual({ accepted: 3, duplicates: 0, rejected: 0 });

  const nd = [JSON.stringify(auditEvent({ verb: "watch", pod })), "{broken", JSON.stringify({ kind: 0 })].join("\n");
  const r2 = await request.post("/api/v1/ingest/k8s-audit", { headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" }, data: nd });
  const body = await r2.json();
  expect(body).toMatchObject({ accepted: 1, rejected: 2 });
  expect(body.errors).toHaveLength(2);

  const unauth = await request.post("/api/v1/ingest/k8s-audit", { data: { kind: "EventList", items: [] } });
  expect(unauth.status()).toBe(401);
});

test("find the events on the timeline and open one", async ({ page }) => {
  await loginUi(page);
  await page.goto(`/events?q=${encodeURIComponent(`pod:${pod}`)}&from=now-1h&to=now`);
  await expect(page.getByTestId("event-row")).toHaveCount(4);
  await expect(page.getByTestId("histogram")).toBeVisible();
  await page.screenshot({ path: screenshotPath("timeline"), fullPage: true });
  await page.getByTestId("event-row").filter({ hasText: "exec" }).first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toContainText(attacker);
  await expect(drawer).toContainText("pods/exec".split("/")[1]);
  await page.screenshot({ path: screenshotPath("event-drawer") });
});

test("a query syntax error is shown under the search box", async ({ page }) => {
  await loginUi(page);
  await page.goto("/events");
  const box = page.getByLabel("Search query");
  await box.fill("verb:(create");
  await box.press("Enter");
  await expect(page.getByTestId("query-error")).toContainText("missing ')'");
  await box.fill("verb:(create)");
  await box.press("Enter");
  await expect(page.getByTestId("query-error")).toHaveCount(0);
});

test("see the exec alert, acknowledge it, and a colleague's fresh session sees the same", async ({ page, browser }) => {
  await loginUi(page);
  await page.goto("/alerts");
  // The pack has other rules about this actor (e.g. first-seen identity); this flow is the exec alert's.
  const row = page.getByTestId("alert-row").filter({ hasText: attacker }).filter({ hasText: "Exec or attach into a pod" });
  await expect(row).toHaveCount(1);
  await page.screenshot({ path: screenshotPath("alerts"), fullPage: true });
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/alerts\/\d+$/);
  const alertUrl = page.url();
  await expect(page.getByTestId("alert-status")).toHaveText("open");
  await expect(page.getByText("Exec or attach into a pod").first()).toBeVisible();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByTestId("alert-status")).toHaveText("acknowledged");
  await expect(page.getByTestId("alert-history").locator("li")).toHaveCount(2);
  await expect(page.getByTestId("alert-history")).toContainText(ADMIN.email);
  await page.screenshot({ path: screenshotPath("alert"), fullPage: true });

  const colleague = await browser.newContext({ baseURL: new URL(alertUrl).origin });
  await loginApi(colleague.request);
  const p2 = await colleague.newPage();
  await p2.goto(alertUrl);
  await expect(p2.getByTestId("alert-status")).toHaveText("acknowledged");
  await expect(p2.getByTestId("alert-history").locator("li")).toHaveCount(2);
  const api = await colleague.request.get("/api/v1/alerts?status=acknowledged");
  const { alerts } = await api.json();
  expect(alerts.some((a: { actor: string; status: string }) => a.actor === attacker && a.status === "acknowledged")).toBe(true);
  await colleague.close();
});

test("a logged-out visitor is sent to login and back to the alert", async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ baseURL });
  const page = await ctx.newPage();
  await page.goto("/alerts");
  await expect(page).toHaveURL(/\/login\?next=%2Falerts/);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/alerts$/);
  await ctx.close();
});
