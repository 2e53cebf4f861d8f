import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { loginApi, loginUi, screenshotPath } from "./helpers";

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const ruleName = `PVC deleted (${stamp})`;
const claim = `data-${stamp}`;
let token = "";

function pvcDelete(name: string, agoMs: number) {
  const at = new Date(Date.now() - agoMs).toISOString();
  return {
    kind: "Event", apiVersion: "audit.k8s.io/v1", level: "Metadata", auditID: randomUUID(), stage: "ResponseComplete",
    requestURI: `/api/v1/namespaces/payments/persistentvolumeclaims/${name}`, verb: "delete",
    user: { username: "zoe@corp.example", groups: ["system:authenticated"] }, sourceIPs: ["198.51.100.23"], userAgent: "kubectl/v1.30.0",
    objectRef: { resource: "persistentvolumeclaims", namespace: "payments", name, apiVersion: "v1" },
    responseStatus: { metadata: {}, code: 200 }, requestReceivedTimestamp: at, stageTimestamp: at,
  };
}

async function ingest(request: APIRequestContext, items: object[]) {
  const r = await request.post("/api/v1/ingest/k8s-audit", {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    data: { kind: "EventList", apiVersion: "audit.k8s.io/v1", items },
  });
  expect(r.status()).toBe(200);
}

test("an ingest token, and a PVC deletion from ten minutes ago", async ({ request }) => {
  await loginApi(request);
  const r = await request.post("/api/v1/tokens", { data: { cluster: "e2e-rules" } });
  expect(r.ok()).toBe(true);
  token = (await r.json()).token;
  await ingest(request, [pvcDelete(`${claim}-old`, 10 * 60_000)]);
});

test("create a rule, backtest it, enable it, ingest a matching event, see the alert", async ({ page, request }) => {
  await loginUi(page);
  await page.goto("/rules");
  await expect(page.getByTestId("rule-row").first()).toBeVisible();
  await page.getByRole("link", { name: "New rule" }).click();
  await page.getByLabel("Name", { exact: true }).fill(ruleName);
  await page.getByLabel("Query", { exact: true }).fill(`layer:audit AND verb:delete AND resource:persistentvolumeclaims AND object_name:${claim}*`);
  await page.getByLabel("Severity", { exact: true }).selectOption("high");

  await page.getByTestId("backtest-run").click();
  await expect(page.getByTestId("backtest-count")).toHaveText("1");
  await expect(page.getByTestId("backtest-result")).toContainText("zoe@corp.example");
  await page.screenshot({ path: screenshotPath("rule-backtest"), fullPage: true });

  await page.getByRole("button", { name: "Create rule" }).click();
  await page.waitForURL(/\/rules\/custom\./);
  const toggle = page.getByRole("switch").first();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  // The switch flips at once; the rule is enabled when the PATCH has committed.
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/v1/rules/") && r.request().method() === "PATCH" && r.ok()),
    toggle.click(),
  ]);
  await expect(toggle).toHaveAttribute("aria-checked", "true");

  await ingest(request, [pvcDelete(`${claim}-new`, 0)]);
  await page.goto("/alerts");
  const row = page.getByTestId("alert-row").filter({ hasText: ruleName });
  await expect(row).toHaveCount(1);
  await row.getByRole("link").first().click();
  await expect(page.getByText(ruleName).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath("rule-alert"), fullPage: true });
});

test("test a rule against a pasted event, clause by clause", async ({ page }) => {
  await loginUi(page);
  await page.goto("/rules/k8s.pod-exec-attach");
  await page.getByLabel("Event JSON").fill(JSON.stringify(pvcDelete("x", 0)));
  await page.getByTestId("test-event-run").click();
  const result = page.getByTestId("test-event-result");
  await expect(result).toContainText("Does not match");
  await expect(result).toContainText("resource:pods");
});

test("import Sigma rules: what is imported, what is not and why", async ({ page }) => {
  await loginUi(page);
  await page.goto("/rules");
  await page.getByRole("button", { name: "Import Sigma" }).click();
  const yaml = [
    `title: Events deleted (${stamp})\nid: ${randomUUID()}\nauthor: E2E Author\nlevel: medium\nlogsource:\n  product: kubernetes\n  service: audit\ndetection:\n  selection:\n    verb: delete\n    objectRef.resource: events\n  condition: selection`,
    `title: Windows logon\nlogsource:\n  product: windows\n  service: security\ndetection:\n  selection:\n    EventID: 4624\n  condition: selection`,
  ].join("\n---\n");
  await page.getByLabel(/Sigma YAML/).fill(yaml);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const result = page.getByTestId("sigma-result");
  await expect(result).toContainText("1 imported, 1 not supported");
  await expect(page.getByTestId("sigma-unsupported")).toContainText("logsource (product: windows, service: security) is not supported");
  await result.getByRole("link", { name: `Events deleted (${stamp})` }).click();
  await expect(page.getByRole("region", { name: "Sigma attribution" })).toContainText("E2E Author");
  await expect(page.getByRole("region", { name: "Sigma attribution" })).toContainText("DRL-1.1");
});
