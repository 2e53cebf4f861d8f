import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { auditEvent, loginApi, loginUi, screenshotPath } from "./helpers";

/**
 * The timeline flow of the search issue, against fixtures of three layers in
 * one pod of a cluster of its own (timestamps relative to now): a syntax error
 * and its fix, drag-zoom on the histogram, an event and its surrounding
 * context, a facet filter, a shared saved search, and a copied absolute link
 * reopened in a fresh session showing the same rows.
 */
test.describe.configure({ mode: "serial" });

const run = Date.now().toString(36);
const cluster = `e2e-tl-${run}`;
const ns = "shop";
const pod = `web-${run}-7d9f8b6c5-x2k4q`;
const node = `node-${run}`;
const MIN = 60_000;
const iso = (agoMs: number) => new Date(Date.now() - agoMs).toISOString();

const AUDIT = [
  // All within ±5 min of the Falco alert (the anchor of the context view).
  auditEvent({ verb: "get", ns, pod, agoMs: 9 * MIN + 30_000 }),
  auditEvent({ verb: "list", ns, pod, agoMs: 8 * MIN }),
  auditEvent({ verb: "create", subresource: "exec", ns, pod, code: 101, user: `mallory-${run}`, agoMs: 5 * MIN + 2_000 }),
  auditEvent({ verb: "delete", ns, pod, agoMs: 3 * MIN }),
];
const FALCO = {
  output: `Notice A shell was spawned in a container with an attached terminal (k8s.pod=${pod})`,
  priority: "Notice",
  rule: "Terminal shell in container",
  time: iso(5 * MIN),
  source: "syscall",
  hostname: node,
  output_fields: { "k8s.ns.name": ns, "k8s.pod.name": pod, "container.name": "web", "container.id": "3f2a1b4c5d6e", "proc.cmdline": "sh -i", "user.name": "root" },
};
const LOG_LINES = 8;
const containerLog = (i: number, agoMs: number) => ({
  time: iso(agoMs),
  stream: "stdout",
  log: `checkout order ${i} served in 12 ms (request ${run}-${i})`,
  kubernetes: { pod_name: pod, namespace_name: ns, container_name: "web", host: node, docker_id: "3f2a1b4c5d6e" + "0".repeat(52), container_image: "ghcr.io/example/web:1.0" },
});
const LOGS = Array.from({ length: LOG_LINES }, (_, i) => containerLog(i, (9 - i) * MIN));
const TOTAL = AUDIT.length + 1 + LOG_LINES;

let token = "";

async function ingest(request: APIRequestContext, path: string, body: string, contentType = "application/x-ndjson") {
  const r = await request.post(path, { headers: { authorization: `Bearer ${token}`, "content-type": contentType }, data: body });
  expect(r.status(), await r.text()).toBe(200);
  return r.json();
}

async function search(page: Page, q: string) {
  const box = page.getByLabel("Search query");
  await box.fill(q);
  await box.press("Enter");
}

const rowIds = (page: Page) => page.getByTestId("event-row").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.eventId));

test.beforeAll(async ({ request }) => {
  await loginApi(request);
  const created = await request.post("/api/v1/tokens", { data: { cluster, name: `timeline ${run}` } });
  expect(created.status()).toBe(201);
  token = (await created.json()).token;
  expect(await ingest(request, "/api/v1/ingest/k8s-audit", JSON.stringify({ kind: "EventList", apiVersion: "audit.k8s.io/v1", items: AUDIT }), "application/json")).toMatchObject({ accepted: AUDIT.length });
  expect(await ingest(request, "/api/v1/ingest/falco", JSON.stringify(FALCO))).toMatchObject({ accepted: 1 });
  expect(await ingest(request, "/api/v1/ingest/logs", LOGS.map((l) => JSON.stringify(l)).join("\n"))).toMatchObject({ accepted: LOG_LINES });
});

test("search, zoom, open an event, show context, filter by facet, save, and reopen the absolute link elsewhere", async ({ page, browser, baseURL, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await loginUi(page);
  await page.goto("/events?from=now-1h&to=now");
  const count = page.getByTestId("results-count");

  await test.step("a syntax error is shown inline with position and hint, then fixed", async () => {
    await search(page, `cluster:${cluster} verb:(create`);
    const err = page.getByTestId("query-error");
    await expect(err).toContainText("missing ')'");
    await expect(err).toContainText("position");
    await expect(err).toContainText("Hint:");
    await search(page, `cluster:${cluster}`);
    await expect(page.getByTestId("query-error")).toHaveCount(0);
    await expect(count).toContainText(`${TOTAL} events`);
    await expect(page.getByTestId("histogram-total")).toHaveText(String(TOTAL));
  });

  await test.step("drag across the histogram to zoom into the last quarter hour", async () => {
    const chart = page.getByTestId("histogram-chart").locator("svg.recharts-surface");
    const box = (await chart.boundingBox())!;
    // Plot area: 40 px of y-axis on the left, 8 px margin on the right.
    const x = (f: number) => box.x + 40 + (box.width - 48) * f;
    const y = box.y + box.height * 0.4;
    await page.mouse.move(x(0.75), y);
    await page.mouse.down();
    await page.mouse.move(x(0.9), y, { steps: 8 });
    await page.mouse.move(x(0.995), y, { steps: 8 });
    await page.mouse.up();
    await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}T/);
    const url = new URL(page.url());
    const span = Date.parse(url.searchParams.get("to")!) - Date.parse(url.searchParams.get("from")!);
    expect(span).toBeGreaterThan(5 * MIN);
    expect(span).toBeLessThan(30 * MIN);
    await expect(count).toContainText(`${TOTAL} events`);
    await page.screenshot({ path: screenshotPath("timeline-zoomed"), fullPage: true });
  });

  await test.step("open the Falco alert: every field, raw JSON, copy and filter buttons", async () => {
    // Click the time cell: the entity cells are links to their pages.
    await page.locator('[data-testid="event-row"][data-layer="runtime"]').click({ position: { x: 30, y: 10 } });
    const drawer = page.getByRole("dialog");
    await expect(drawer).toContainText("A shell was spawned");
    await expect(drawer.getByTestId("event-raw")).toContainText('"layer": "runtime"');
    await expect(drawer.getByRole("button", { name: "Copy raw JSON" })).toBeVisible();
    await expect(drawer.getByRole("button", { name: `Filter for pod: ${pod}` })).toBeVisible();
    await expect(drawer.getByRole("link", { name: pod })).toHaveAttribute("href", new RegExp(`^/clusters/${cluster}/namespaces/${ns}/pods/${pod}\\?from=`));
    await expect(page).toHaveURL(/[?&]event=\d+/);
  });

  await test.step("show surrounding: one interleaved timeline of several layers around the anchor", async () => {
    await page.getByRole("dialog").getByRole("button", { name: "Show surrounding" }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    const view = page.getByTestId("context-view");
    await expect(view).toBeVisible();
    await expect(page).toHaveURL(/[?&]context=\d+&scope=pod/);
    const rows = view.getByTestId("context-row");
    await expect(rows).toHaveCount(TOTAL);
    const anchor = view.locator('[data-testid="context-row"][data-anchor="true"]');
    await expect(anchor).toHaveCount(1);
    await expect(anchor).toHaveAttribute("data-layer", "runtime");
    const layers = await rows.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.layer));
    expect(new Set(layers)).toEqual(new Set(["audit", "runtime", "container"]));
    // Oldest first, layers interleaved: the sequence changes layer more than twice.
    const switches = layers.filter((l, i) => i > 0 && l !== layers[i - 1]).length;
    expect(switches).toBeGreaterThan(2);
    await page.screenshot({ path: screenshotPath("timeline-context"), fullPage: true });
    await page.keyboard.press("Escape");
    await expect(view).toHaveCount(0);
  });

  await test.step("click a facet value: the query gains the filter and results narrow", async () => {
    const facets = page.getByTestId("facets");
    const value = facets.locator('[data-testid="facet-value"][data-field="layer"][data-value="container"]');
    await expect(value).toContainText(String(LOG_LINES));
    await value.click();
    await expect(page).toHaveURL(/[?&]q=[^&]*layer%3Acontainer/);
    await expect(count).toContainText(`${LOG_LINES} events`);
    await expect(page.getByLabel("Search query")).toHaveValue(`cluster:${cluster} layer:container`);
    // Exclude from the facets: the opposite filter replaces it.
    await facets.getByRole("button", { name: "Exclude layer: container" }).click();
    await expect(count).toContainText(`${TOTAL - LOG_LINES} events`);
    await expect(page.getByLabel("Search query")).toHaveValue(`cluster:${cluster} -layer:container`);
    await page.goBack();
    await expect(count).toContainText(`${LOG_LINES} events`);
  });

  await test.step("export the current query as CSV and NDJSON", async () => {
    const ndjsonHref = await page.getByRole("link", { name: "Export NDJSON" }).getAttribute("href");
    expect(ndjsonHref).toContain("format=ndjson");
    const nd = (await (await page.request.get(ndjsonHref!)).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(nd).toHaveLength(LOG_LINES);
    expect(nd.every((e: { cluster: string; layer: string }) => e.cluster === cluster && e.layer === "container")).toBe(true);
    const csv = await page.request.get((await page.getByRole("link", { name: "Export CSV" }).getAttribute("href"))!);
    expect(csv.headers()["content-disposition"]).toMatch(/attachment/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toMatch(/^id,ts,/);
    expect(lines).toHaveLength(LOG_LINES + 1);
  });

  await test.step("save the search, shared with the team", async () => {
    await page.getByRole("button", { name: "Saved searches" }).click();
    await page.getByRole("button", { name: "Save current search…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(`Checkout logs ${run}`);
    await dialog.getByLabel("Share with team").check();
    await dialog.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByRole("dialog")).toHaveCount(0);
    const list = await (await page.request.get("/api/v1/searches")).json();
    const saved = list.searches.find((s: { name: string }) => s.name === `Checkout logs ${run}`);
    expect(saved).toMatchObject({ query: `cluster:${cluster} layer:container`, shared: true, mine: true });
    await page.getByRole("button", { name: "Saved searches" }).click();
    await expect(page.getByTestId("saved-search").filter({ hasText: `Checkout logs ${run}` })).toBeVisible();
    await expect(page.getByTestId("recent-search").filter({ hasText: `cluster:${cluster}` }).first()).toBeVisible();
    await page.keyboard.press("Escape");
  });

  await test.step("copy the link with absolute time and open it in a fresh session: same rows", async () => {
    const ids = await rowIds(page);
    expect(ids).toHaveLength(LOG_LINES);
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByRole("menuitem", { name: "Copy link with absolute time" }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const url = new URL(copied);
    expect(url.searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(url.searchParams.get("to")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(url.searchParams.get("q")).toBe(`cluster:${cluster} layer:container`);

    const fresh = await browser.newContext({ baseURL });
    await loginApi(fresh.request);
    const p2 = await fresh.newPage();
    await p2.goto(copied);
    await expect(p2.getByTestId("results-count")).toContainText(`${LOG_LINES} events`);
    expect(await rowIds(p2)).toEqual(ids);
    await expect(p2.getByLabel("Search query")).toHaveValue(`cluster:${cluster} layer:container`);
    await p2.screenshot({ path: screenshotPath("timeline-shared-link"), fullPage: true });
    await fresh.close();
  });
});

test("search terms are highlighted in messages and matching cells, as text", async ({ page }) => {
  await loginUi(page);
  await page.goto(`/events?from=now-1h&q=${encodeURIComponent(`cluster:${cluster} CHECKOUT pod:web-*`)}`);
  await expect(page.getByTestId("results-count")).toContainText(`${LOG_LINES} events`);
  const row = page.getByTestId("event-row").first();
  // Case-insensitive: the query said CHECKOUT, the log line says checkout.
  await expect(row.locator("mark").filter({ hasText: /^checkout$/ })).toHaveCount(1);
  // A field term highlights its own column (the literal part of the wildcard).
  await expect(row.locator("mark").filter({ hasText: /^web-$/ })).toHaveCount(1);

  // A regular expression on a field marks what it matched in that field's cell, with its flags.
  await page.goto(`/events?from=now-1h&q=${encodeURIComponent(`cluster:${cluster} message:/SERVED\\sIN\\s\\d+\\sms/i`)}`);
  await expect(page.getByTestId("results-count")).toContainText(`${LOG_LINES} events`);
  await expect(page.getByTestId("event-row").first().locator("mark").filter({ hasText: /^served in 12 ms$/ })).toHaveCount(1);
});

test("keyboard: / focuses search, j/k select rows, Enter opens, Esc closes, ? opens help", async ({ page }) => {
  await loginUi(page);
  await page.goto(`/events?from=now-1h&q=${encodeURIComponent(`cluster:${cluster}`)}`);
  await expect(page.getByTestId("results-count")).toContainText(`${TOTAL} events`);
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  const second = page.getByTestId("event-row").nth(1);
  await expect(second).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("k");
  await expect(page.getByTestId("event-row").first()).toHaveAttribute("aria-selected", "true");
  const firstId = await page.getByTestId("event-row").first().getAttribute("data-event-id");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`[?&]event=${firstId}`));
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Search help" })).toContainText("Search syntax");
  await page.keyboard.press("Escape");
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search query")).toBeFocused();
});

test("live tail shows a new event within a few seconds, and Pause stops it", async ({ page, request }) => {
  await loginUi(page);
  await page.goto(`/events?from=now-15m&q=${encodeURIComponent(`cluster:${cluster} layer:container`)}`);
  await expect(page.getByTestId("results-count")).toContainText(`${LOG_LINES} events`);
  await page.getByRole("button", { name: "Live", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(page).toHaveURL(/[?&]live=1/);
  await expect(page.getByTestId("live-status")).toContainText("live");
  const line = `late line ${run}`;
  await ingest(request, "/api/v1/ingest/logs", JSON.stringify({ ...containerLog(99, 0), log: line }));
  const posted = Date.now();
  await expect(page.getByTestId("event-row").filter({ hasText: line })).toHaveCount(1, { timeout: 5_000 });
  expect(Date.now() - posted).toBeLessThan(5_000);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Live", exact: true })).toBeVisible();
  await expect(page).not.toHaveURL(/[?&]live=1/);
});

test("live tail keeps the rows the reader scrolled to in place, and counts what arrived above", async ({ page, request }) => {
  await loginApi(request);
  const liveCluster = `${cluster}-scroll`;
  const line = (i: number, agoMs: number) => ({ ...containerLog(i, agoMs), log: `scroll line ${i} ${run}`, kubernetes: { ...containerLog(i, agoMs).kubernetes, pod_name: `scroll-${run}` } });
  const scopedToken = await (async () => {
    const r = await request.post("/api/v1/tokens", { data: { cluster: liveCluster, name: `scroll-${run}` } });
    expect(r.status(), await r.text()).toBe(201);
    return (await r.json()).token as string;
  })();
  const post = async (lines: object[]) => {
    const r = await request.post("/api/v1/ingest/logs", { headers: { authorization: `Bearer ${scopedToken}`, "content-type": "application/x-ndjson" }, data: lines.map((l) => JSON.stringify(l)).join("\n") });
    expect(r.status(), await r.text()).toBe(200);
  };
  await post(Array.from({ length: 120 }, (_, i) => line(i, (130 - i) * 1000)));

  await loginUi(page);
  await page.goto(`/events?from=now-15m&live=1&q=${encodeURIComponent(`cluster:${liveCluster}`)}`);
  await expect(page.getByTestId("results-count")).toContainText("100+ events");
  const table = page.locator("[data-events-table]");
  await table.evaluate((el) => (el.scrollTop = 800));
  const watched = page.getByTestId("event-row").filter({ hasText: `scroll line 80 ${run}` });
  await expect(watched).toBeVisible();
  const before = (await watched.boundingBox())!.y;

  await post([line(200, 0), line(201, 0), line(202, 0)]);
  await expect(page.getByTestId("new-rows-above")).toHaveText("↑ 3 new", { timeout: 5_000 });
  expect(Math.abs((await watched.boundingBox())!.y - before)).toBeLessThanOrEqual(2);

  await page.getByTestId("new-rows-above").click();
  await expect(page.getByTestId("event-row").first()).toContainText(`scroll line 202 ${run}`);
  await expect(page.getByTestId("new-rows-above")).toHaveCount(0);
  // At the top the table follows the stream: the next line shows at the head, with no counter.
  await post([line(203, 0)]);
  await expect(page.getByTestId("event-row").first()).toContainText(`scroll line 203 ${run}`, { timeout: 5_000 });
  await expect(page.getByTestId("new-rows-above")).toHaveCount(0);
});
