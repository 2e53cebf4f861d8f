import { expect, test } from "@playwright/test";
import { loginApi, loginUi, screenshotPath } from "./helpers";

test("the Ingest page shows per-source counts and the quarantined record, as text", async ({ page, request }) => {
  await loginApi(request);
  const created = await request.post("/api/v1/tokens", { data: { cluster: "e2e-ingest", name: "e2e ingest page" } });
  const { token } = await created.json();
  const now = new Date().toISOString();
  const good = { output: `${now}: Notice A shell was spawned in a container`, priority: "Notice", rule: "Terminal shell in container", time: now, source: "syscall", hostname: "node-e2e", output_fields: { "k8s.ns.name": "shop", "k8s.pod.name": "cart-e2e", "container.id": "0123456789ab", "proc.cmdline": "sh" } };
  const poison = '{"output": "<img src=x onerror=alert(1)>", "priority": "NotAPriority"';
  const r = await request.post("/api/v1/ingest/falco", {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
    data: [JSON.stringify(good), poison].join("\n"),
  });
  expect(r.status()).toBe(200);
  expect(await r.json()).toMatchObject({ accepted: 1, rejected: 1 });

  await loginUi(page);
  await page.goto("/admin/ingest");
  const row = page.getByTestId("ingest-stat-row").filter({ hasText: "e2e ingest page" });
  await expect(row).toContainText("falco");
  const q = page.getByTestId("quarantine-row").first();
  await expect(q).toContainText("falco");
  await page.screenshot({ path: screenshotPath("ingest"), fullPage: true });
  await q.click();
  const raw = page.getByTestId("quarantine-raw");
  await expect(raw).toContainText("<img src=x onerror=alert(1)>");
  // Rendered as text: no element was created from the attacker's markup.
  await expect(page.locator("img[src=x]")).toHaveCount(0);
});
