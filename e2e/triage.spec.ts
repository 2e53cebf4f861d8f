import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN, auditEvent, loginApi, loginUi, screenshotPath } from "./helpers";

/**
 * The triage issue end to end: two people hand an alert over, bulk triage with
 * the keyboard, an incident with pinned evidence, permalinks behind login, and
 * an external read-only share link that dies when revoked.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const ns = `triage-${run}`;
const cluster = "e2e-triage";
const attacker = `mallory-${run}`;
const B = { email: `bob-${run}@e2e.test`, password: "bob-analyst-password-1" };
const pods = { oncall: `api-${run}-a`, bulk1: `api-${run}-b`, bulk2: `api-${run}-c`, incident: `api-${run}-d` };
const incidentTitle = `Exec spree in ${ns}`;
// Other rules of the pack (and the windowed loop) may raise more alerts on the same pods; this flow is about the exec rule's.
const EXEC_RULE = "k8s.pod-exec-attach";
let alertIds: Record<string, number> = {};
let incidentPath = "";
let ingestToken = "";

async function alertsIn(request: APIRequestContext, query: string) {
  const r = await request.get(`/api/v1/alerts?namespace=${ns}&rule=${EXEC_RULE}&${query}`);
  expect(r.status()).toBe(200);
  return (await r.json()).alerts as { id: number; pod: string; status: string; assignee: { email: string } | null }[];
}

test("setup: a colleague (analyst B), an ingest token, exec events that raise four alerts", async ({ request }) => {
  await loginApi(request);
  expect((await request.post("/api/v1/users", { data: { ...B, role: "analyst" } })).status()).toBe(201);
  const t = await request.post("/api/v1/tokens", { data: { cluster } });
  expect(t.status()).toBe(201);
  const { token } = await t.json();
  ingestToken = token;
  const execs = Object.values(pods).map((pod, i) =>
    auditEvent({ verb: "create", subresource: "exec", ns, pod, code: 101, user: attacker, agoMs: 120_000 - i * 10_000 }),
  );
  // quieter events around the first pod: the alert page's ±15 min context shows them too
  const around = [auditEvent({ verb: "get", ns, pod: pods.oncall, agoMs: 200_000 }), auditEvent({ verb: "list", ns, pod: pods.oncall, agoMs: 30_000 })];
  const r = await request.post("/api/v1/ingest/k8s-audit", {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: { kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [...around, ...execs] },
  });
  expect(await r.json()).toMatchObject({ accepted: 6, rejected: 0 });
  const alerts = await alertsIn(request, "status=all");
  expect(alerts).toHaveLength(4);
  alertIds = Object.fromEntries(alerts.map((a) => [a.pod, a.id]));
});

test("on-call: A assigns to B; B finds it in 'My alerts', resolves it as a false positive; the history shows both", async ({ page, browser, baseURL }) => {
  await loginUi(page);
  await page.goto(`/alerts?status=open&namespace=${ns}&rule=${EXEC_RULE}`);
  const row = page.getByTestId("alert-row").filter({ hasText: pods.oncall });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/alerts/${alertIds[pods.oncall]}$`));
  await expect(page.getByTestId("alert-context")).toContainText(pods.oncall);
  await page.getByLabel("Assignee", { exact: true }).selectOption({ label: B.email });
  await expect(page.getByTestId("alert-history")).toContainText(`assigned to ${B.email}`);

  const ctx = await browser.newContext({ baseURL });
  const pb = await ctx.newPage();
  await loginUi(pb, B);
  await pb.goto("/alerts");
  await pb.getByRole("link", { name: "My alerts" }).click();
  await expect(pb).toHaveURL(/assignee=me/);
  const mine = pb.getByTestId("alert-row");
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText(pods.oncall);
  await mine.getByRole("link").first().click();
  await expect(pb.getByTestId("alert-status")).toHaveText("open");

  await pb.getByRole("button", { name: "Resolve", exact: true }).click();
  const dialog = pb.getByRole("dialog");
  await dialog.getByLabel("Resolution").selectOption("false_positive");
  await dialog.getByLabel("Reason").fill("expected: the backup job execs into this pod nightly");
  await dialog.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(pb.getByTestId("alert-status")).toHaveText("resolved");
  await expect(pb.getByTestId("alert-resolution-reason")).toContainText("False positive");

  // created -> assigned (by A) -> resolved (by B), each with who and why
  const history = pb.getByTestId("alert-history");
  await expect(history.locator("li")).toHaveCount(3);
  await expect(history.locator("li").nth(1)).toContainText(ADMIN.email);
  await expect(history.locator("li").nth(2)).toContainText(B.email);
  await expect(history).toContainText("False positive");
  await expect(history).toContainText("backup job");

  // Notes are Markdown rendered without raw HTML; only http(s)/mailto links survive.
  await pb.getByLabel("Note", { exact: true }).fill('**Checked** with the owner <img src=x onerror="window.__pwned=1"> [runbook](https://example.com/rb) [bad](javascript:alert(1))');
  await pb.getByRole("button", { name: "Add note" }).click();
  const notes = pb.getByTestId("notes");
  await expect(notes.locator("strong")).toHaveText("Checked");
  await expect(notes).toContainText("<img src=x");
  await expect(notes.locator("img")).toHaveCount(0);
  await expect(notes.getByRole("link", { name: "runbook" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(notes.getByRole("link", { name: "bad" })).toHaveCount(0);
  expect(await pb.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await pb.screenshot({ path: screenshotPath("triage-alert"), fullPage: true });
  await ctx.close();

  // A sees B's resolution in the same immutable history.
  await page.reload();
  await expect(page.getByTestId("alert-history")).toContainText(B.email);
  await expect(page.getByTestId("alert-status")).toHaveText("resolved");
});

test("bulk triage with the keyboard: j/k move, x selects, a acknowledges, e assigns to me, ? and /", async ({ page }) => {
  await loginUi(page);
  await page.goto(`/alerts?status=open&namespace=${ns}&rule=${EXEC_RULE}`);
  const rows = page.getByTestId("alert-row");
  await expect(rows).toHaveCount(3);

  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("data-focused", "true");
  await page.keyboard.press("x");
  await expect(page.locator('[data-testid="alert-row"][data-selected="true"]')).toHaveCount(2);
  await expect(page.getByTestId("selected-count")).toHaveText("2 selected");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("data-focused", "true");
  await page.screenshot({ path: screenshotPath("triage-queue"), fullPage: true });

  await page.keyboard.press("a");
  await expect(page.getByTestId("bulk-result")).toContainText("2 alerts acknowledged");
  await expect(rows).toHaveCount(1);

  await page.keyboard.press("j");
  await page.keyboard.press("e");
  await expect(page.getByTestId("bulk-result")).toContainText("1 alert assigned");

  await page.keyboard.press("?");
  await expect(page.getByTestId("keyboard-help")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("keyboard-help")).toHaveCount(0);
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search alerts")).toBeFocused();

  const acked = await alertsIn(page.request, "status=acknowledged");
  expect(acked).toHaveLength(2);
  const open = await alertsIn(page.request, "status=open");
  expect(open).toHaveLength(1);
  expect(open[0].assignee?.email).toBe(ADMIN.email);
});

test("an incident from two alerts, with a pinned event, an attached search and a note", async ({ page }) => {
  await loginUi(page);
  await page.goto(`/alerts?status=acknowledged&namespace=${ns}&rule=${EXEC_RULE}`);
  await expect(page.getByTestId("alert-row")).toHaveCount(2);
  await page.getByLabel("Select all alerts in this list").check();
  await page.getByRole("button", { name: "Add to incident…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Title").fill(incidentTitle);
  await dialog.getByLabel("Severity").selectOption("critical");
  await dialog.getByRole("button", { name: "Create incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  incidentPath = new URL(page.url()).pathname;
  const key = incidentPath.split("/").pop()!;
  await expect(page.getByTestId("incident-title")).toHaveText(incidentTitle);
  await expect(page.getByTestId("alert-row")).toHaveCount(2);

  // Events are pinned from the timeline's drawer; here through the same API that button calls.
  const q = encodeURIComponent(`namespace:"${ns}" AND subresource:exec`);
  const { events } = await (await page.request.get(`/api/v1/events?q=${q}&from=now-1h&to=now&limit=1`)).json();
  const pin = await page.request.post(`/api/v1/incidents/${key}/evidence`, { data: { kind: "event", eventId: events[0].id, eventTs: events[0].ts } });
  expect(pin.status()).toBe(201);
  await page.reload();
  await expect(page.getByTestId("evidence-event-row")).toHaveCount(1);

  await page.getByLabel("Search query").fill(`namespace:"${ns}"`);
  await page.getByRole("button", { name: "Attach search" }).click();
  const search = page.getByTestId("evidence-search").getByRole("link");
  await expect(search).toHaveAttribute("href", /^\/events\?q=.+&from=\d{4}-\d\d-\d\dT.+&to=\d{4}-\d\d-\d\dT/);

  await page.getByLabel("Note", { exact: true }).fill("Contained: **rotated** the CI token");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("evidence-note").locator("strong")).toHaveText("rotated");

  await page.getByLabel("Status", { exact: true }).selectOption("investigating");
  const activity = page.getByTestId("incident-activity");
  await expect(activity).toContainText("status: open → investigating");
  for (const text of ["created the incident", "pinned event", "attached search", "added a note"]) await expect(activity).toContainText(text);

  const md = await page.request.get(`/api/v1/incidents/${key}/report?format=md`);
  expect(md.status()).toBe(200);
  expect(await md.text()).toContain(incidentTitle);
  const json = await page.request.get(`/api/v1/incidents/${key}/report?format=json`);
  expect(JSON.stringify(await json.json())).toContain(incidentTitle);
  await expect(page.getByRole("link", { name: "Export Markdown" })).toHaveAttribute("href", `/api/v1/incidents/${key}/report?format=md`);
  await page.screenshot({ path: screenshotPath("triage-incident"), fullPage: true });
});

test("an incident permalink opened by a logged-out browser: login, then back", async ({ browser, baseURL }) => {
  const ctx = await browser.newContext({ baseURL });
  const p = await ctx.newPage();
  await p.goto(incidentPath);
  await expect(p).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(incidentPath)}$`));
  await p.getByLabel("Email").fill(B.email);
  await p.getByLabel("Password").fill(B.password);
  await p.getByRole("button", { name: "Sign in" }).click();
  await expect(p).toHaveURL(new RegExp(`${incidentPath}$`));
  await expect(p.getByTestId("incident-title")).toHaveText(incidentTitle);
  await ctx.close();
});

test("an external share link is read-only without login, and 404 once revoked or wrong", async ({ page, browser, baseURL }) => {
  await loginUi(page);
  await page.goto(incidentPath);
  await page.getByRole("button", { name: "Share" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Expires after").selectOption("24");
  await dialog.getByRole("button", { name: "Create share link" }).click();
  const url = (await dialog.getByTestId("share-url").textContent())!.trim();
  expect(url).toMatch(/\/share\/[A-Za-z0-9_-]{22}$/);

  const anon = await browser.newContext({ baseURL });
  const ap = await anon.newPage();
  const res = await ap.goto(url);
  expect(res!.status()).toBe(200);
  await expect(ap.getByTestId("incident-title")).toHaveText(incidentTitle);
  await expect(ap.getByTestId("shared-alert-row")).toHaveCount(2);
  await expect(ap.getByTestId("evidence-event-row")).toHaveCount(1);
  await expect(ap.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(ap.locator("input, select, textarea")).toHaveCount(0);
  await expect(ap.getByRole("button", { name: /remove|share|resolve|acknowledge/i })).toHaveCount(0);
  await expect(ap.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await ap.screenshot({ path: screenshotPath("triage-share"), fullPage: true });
  // the token opens this page only, not the API behind the login
  expect((await anon.request.get(`/api/v1${incidentPath}`)).status()).toBe(401);
  const last = url.slice(-1) === "A" ? "B" : "A";
  expect((await ap.goto(url.slice(0, -1) + last))!.status()).toBe(404);

  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(dialog.getByTestId("share-link").first()).toContainText("revoked");
  expect((await ap.goto(url))!.status()).toBe(404);
  await expect(ap.getByTestId("incident-title")).toHaveCount(0);
  await anon.close();

  await page.keyboard.press("Escape");
  await page.reload();
  await expect(page.getByTestId("incident-activity")).toContainText("revoked a share link");
});

test("admin: the audit trail lists triage actions and its chain verifies; webhook targets with a test button", async ({ page }) => {
  await loginUi(page);
  await page.goto("/admin/audit");
  await page.getByLabel("Action").fill("share");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("audit-row").filter({ hasText: "share.revoke" })).toHaveCount(1);
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByTestId("audit-verify-result")).toHaveAttribute("data-ok", "true");

  await page.goto("/admin/notifications");
  await page.getByLabel("Name").fill(`#oncall-${run}`);
  // a closed port on this machine: the test delivery must fail, visibly
  await page.getByLabel("Webhook URL").fill("http://127.0.0.1:9/hook");
  await page.getByLabel("Allow private network addresses").check();
  await expect(page.getByTestId("private-network-warning")).toBeVisible();
  await page.getByRole("button", { name: "Add target" }).click();
  const target = page.getByTestId("notification-target").filter({ hasText: `#oncall-${run}` });
  await expect(target).toHaveCount(1);
  await target.getByRole("button", { name: "Send test" }).click();
  await expect(target.getByTestId("test-result")).toContainText("failed");
  await target.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(target).toHaveCount(0);
});

test("a suggested grouping (same namespace + workload, close in time) becomes an incident in one click", async ({ page }) => {
  const webNs = `${ns}-web`;
  // two replicas of one Deployment: the workload is read from the pod names
  const items = ["web-7d9f8b6c5-x2k4q", "web-7d9f8b6c5-z9p8w"].map((pod, i) =>
    auditEvent({ verb: "create", subresource: "exec", ns: webNs, pod, code: 101, user: attacker, agoMs: 60_000 - i * 10_000 }),
  );
  const r = await page.request.post("/api/v1/ingest/k8s-audit", {
    headers: { authorization: `Bearer ${ingestToken}`, "content-type": "application/json" },
    data: { kind: "EventList", apiVersion: "audit.k8s.io/v1", items },
  });
  expect(await r.json()).toMatchObject({ accepted: 2 });

  await loginUi(page);
  await page.goto("/incidents");
  const suggestion = page.getByTestId("incident-suggestion").filter({ hasText: `${webNs}/web` });
  await expect(suggestion).toHaveCount(1);
  await expect(suggestion).toContainText("2 alerts");
  await suggestion.getByRole("button", { name: "Create incident" }).click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  await expect(page.getByTestId("incident-title")).toContainText(`${webNs}/web`);
  await expect(page.getByTestId("alert-row")).toHaveCount(2);
  await page.goto("/incidents");
  await expect(page.getByTestId("incident-suggestion").filter({ hasText: `${webNs}/web` })).toHaveCount(0);
});
