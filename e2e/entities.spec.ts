import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { loginApi, loginUi, screenshotPath } from "./helpers";

test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const CLUSTER = `e2e-ent-${stamp}`;
const COV_CLUSTER = `e2e-cov-${stamp}`;
const NS = "payments";
const POD = `payments-api-7d9f8b6c5-${stamp.slice(-5).padStart(5, "x")}`;
const NODE = `ip-10-7-1-${(Date.now() % 200) + 10}.eu-west-1.compute.internal`;
const THIEF = "system:serviceaccount:payments:payments-api";
const iso = (agoMs: number) => new Date(Date.now() - agoMs).toISOString();

async function tokenFor(request: APIRequestContext, cluster: string): Promise<string> {
  await loginApi(request);
  const r = await request.post("/api/v1/tokens", { data: { cluster, name: `e2e entities ${cluster}` } });
  expect(r.status()).toBe(201);
  return (await r.json()).token;
}

async function post(request: APIRequestContext, token: string, path: string, data: unknown, contentType = "application/json") {
  const r = await request.post(path, { headers: { authorization: `Bearer ${token}`, "content-type": contentType }, data: typeof data === "string" ? data : JSON.stringify(data) });
  expect(r.status(), `${path}: ${await r.text()}`).toBe(200);
  expect((await r.json()).rejected).toBe(0);
}

const audit = (agoMs: number, extra: Record<string, unknown>) => ({
  kind: "Event", apiVersion: "audit.k8s.io/v1", level: "Metadata", auditID: randomUUID(), stage: "ResponseComplete",
  sourceIPs: ["203.0.113.77"], userAgent: "kubectl/v1.30.2", requestReceivedTimestamp: iso(agoMs), stageTimestamp: iso(agoMs), ...extra,
});
const falco = (agoMs: number, rule: string, output: string, ns: string, pod: string, node: string) => ({
  time: iso(agoMs), rule, priority: "Notice", source: "syscall", hostname: node, output,
  output_fields: { "k8s.ns.name": ns, "k8s.pod.name": pod, "container.name": "api", "container.id": "a1b2c3d4e5f6", "proc.name": "sh" },
});
const containerLog = (agoMs: number, line: string, ns: string, pod: string, node: string) => ({
  time: iso(agoMs), stream: "stderr", _p: "F", log: line,
  kubernetes: { pod_name: pod, namespace_name: ns, container_name: "api", host: node, container_image: "ghcr.io/corp-example/payments-api:1.42.0" },
});
const journal = (agoMs: number, node: string, message: string) => ({
  _HOSTNAME: node, SYSLOG_IDENTIFIER: "sshd", _PID: "4242", PRIORITY: "6", MESSAGE: message, __REALTIME_TIMESTAMP: String((Date.now() - agoMs) * 1000),
});
const kubeEvent = (agoMs: number, reason: string, ns: string, pod: string, node: string) => ({
  kind: "Event", apiVersion: "v1", metadata: { name: `${pod}.${reason}.${randomUUID().slice(0, 8)}`, namespace: ns }, reason, message: `${reason} container api`,
  type: "Normal", involvedObject: { kind: "Pod", namespace: ns, name: pod, fieldPath: "spec.containers{api}" }, source: { component: "kubelet", host: node },
  firstTimestamp: iso(agoMs), lastTimestamp: iso(agoMs), count: 1,
});

test("post one story through four ingest endpoints", async ({ request }) => {
  const token = await tokenFor(request, CLUSTER);
  await post(request, token, "/api/v1/ingest/k8s-events", { kind: "EventList", apiVersion: "v1", items: [kubeEvent(600_000, "Started", NS, POD, NODE)] });
  await post(request, token, "/api/v1/ingest/k8s-audit", { kind: "EventList", apiVersion: "audit.k8s.io/v1", items: [
    audit(90_000, {
      verb: "create", requestURI: `/api/v1/namespaces/${NS}/pods/${POD}/exec?command=sh&container=api&stdin=true&tty=true`,
      user: { username: THIEF, groups: ["system:serviceaccounts"] }, objectRef: { resource: "pods", namespace: NS, name: POD, apiVersion: "v1", subresource: "exec" },
      responseStatus: { metadata: {}, code: 101 },
    }),
  ] });
  await post(request, token, "/api/v1/ingest/falco", falco(80_000, "Terminal shell in container", "A shell was spawned in a container with an attached terminal", NS, POD, NODE));
  await post(request, token, "/api/v1/ingest/logs", [containerLog(70_000, "sh: can't access tty; job control turned off", NS, POD, NODE)].map((r) => JSON.stringify(r)).join("\n"), "application/x-ndjson");
  await post(request, token, "/api/v1/ingest/logs", [journal(60_000, NODE, "Accepted publickey for ec2-user from 198.51.100.9 port 50022 ssh2")]);
});

test("the entity APIs need a session; only admins change thresholds", async ({ playwright, request }) => {
  const baseURL = test.info().project.use.baseURL;
  const anon = await playwright.request.newContext({ baseURL });
  for (const path of ["/api/v1/clusters", `/api/v1/clusters/${CLUSTER}`, `/api/v1/clusters/${CLUSTER}/pods`, "/api/v1/coverage", "/api/v1/credentials"]) {
    expect((await anon.get(path)).status(), path).toBe(401);
  }
  await loginApi(request);
  const viewer = { email: `viewer-${stamp}@e2e.test`, password: "e2e-viewer-password-1" };
  expect((await request.post("/api/v1/users", { data: { ...viewer, role: "viewer" } })).status()).toBe(201);
  const asViewer = await playwright.request.newContext({ baseURL });
  await loginApi(asViewer, viewer);
  const pods = await asViewer.get(`/api/v1/clusters/${CLUSTER}/pods?q=payments-api&sort=lastSeen&order=desc`);
  expect(pods.status()).toBe(200);
  expect((await pods.json()).pods).toEqual([expect.objectContaining({ namespace: NS, name: POD, node: NODE })]);
  expect((await asViewer.get(`/api/v1/clusters/${CLUSTER}/pods?sort=bogus`)).status()).toBe(400);
  expect((await asViewer.get("/api/v1/clusters/no-such-cluster")).status()).toBe(404);
  expect((await asViewer.patch(`/api/v1/clusters/${CLUSTER}/coverage`, { data: { thresholds: { runtime: 30 } } })).status()).toBe(403);
  await anon.dispose();
  await asViewer.dispose();
});

test("drill down from the clusters page to the pod, read its cross-layer timeline, follow the node link", async ({ page }) => {
  await loginUi(page);
  await page.goto("/clusters");
  const card = page.getByTestId("cluster-card").filter({ hasText: CLUSTER });
  await expect(card).toBeVisible();
  await card.getByRole("link", { name: CLUSTER }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${CLUSTER}`));
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(CLUSTER);
  await expect(page.getByTestId("layer-histogram")).toBeVisible();
  await expect(page.getByTestId("top-actors")).toContainText(THIEF);

  await page.getByTestId("namespace-row").filter({ hasText: NS }).getByRole("link", { name: NS }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${CLUSTER}/namespaces/${NS}`));
  await page.getByTestId("pod-row").filter({ hasText: POD }).getByRole("link", { name: POD }).click();
  await expect(page).toHaveURL(new RegExp(`/namespaces/${NS}/pods/${POD}`));
  const crumbs = page.getByRole("navigation", { name: "Breadcrumb" });
  await expect(crumbs).toContainText(CLUSTER);
  await expect(crumbs).toContainText(NS);
  await expect(crumbs).toContainText(POD);

  // Who exec'd, then Falco saw the shell, then the container logged it: one timeline, newest first.
  await expect(page.getByTestId("exec-row")).toContainText(THIEF);
  await expect(page.getByTestId("containers-table")).toContainText("ghcr.io/corp-example/payments-api:1.42.0");
  await expect(page.getByTestId("lifecycle-step").filter({ hasText: "started" })).toBeVisible();
  const rows = page.getByTestId("pod-timeline-row");
  await expect(rows).toHaveCount(4);
  expect(await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.layer))).toEqual(["container", "runtime", "audit", "k8s-event"]);
  await expect(rows.nth(0)).toContainText("can't access tty");
  await expect(rows.nth(1)).toContainText("A shell was spawned");
  await expect(rows.nth(2)).toContainText(THIEF);
  await page.screenshot({ path: screenshotPath("pod"), fullPage: true });

  // The layer toggles narrow the timeline and stay in the URL.
  await page.getByRole("group", { name: "Layers" }).getByRole("button", { name: "container" }).click();
  await expect(rows).toHaveCount(3);
  await expect(page).toHaveURL(/layers=/);

  await page.getByTestId("pod-node-link").click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${CLUSTER}/nodes/${NODE.replaceAll(".", "\\.")}`));
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(NODE);
  await expect(page.getByTestId("node-pod").filter({ hasText: POD })).toBeVisible();
  await expect(page.getByTestId("node-runtime")).toContainText("A shell was spawned");
  await expect(page.getByTestId("node-logs")).toContainText("Accepted publickey");
  await page.screenshot({ path: screenshotPath("node"), fullPage: true });
});

test("coverage: a layer that stopped reporting turns its cell red; a longer threshold clears it", async ({ page, request }) => {
  const token = await tokenFor(request, COV_CLUSTER);
  const ns = "shop";
  const pod = "cart-6c5d4f7b8-k9x2m";
  const node = "ip-10-8-1-20.eu-west-1.compute.internal";
  // Falco last spoke 40 minutes ago; every other layer a minute ago.
  await post(request, token, "/api/v1/ingest/falco", falco(40 * 60_000, "Terminal shell in container", "A shell was spawned in a container", ns, pod, node));
  await post(request, token, "/api/v1/ingest/k8s-audit", audit(60_000, {
    verb: "get", requestURI: `/api/v1/namespaces/${ns}/pods/${pod}`, user: { username: "alice@corp.example", groups: ["system:authenticated"] },
    objectRef: { resource: "pods", namespace: ns, name: pod, apiVersion: "v1" }, responseStatus: { metadata: {}, code: 200 },
  }));
  await post(request, token, "/api/v1/ingest/k8s-events", kubeEvent(60_000, "Pulled", ns, pod, node));
  await post(request, token, "/api/v1/ingest/logs", JSON.stringify(containerLog(60_000, "GET /cart 200", ns, pod, node)), "application/x-ndjson");
  await post(request, token, "/api/v1/ingest/logs", [journal(60_000, node, "Accepted publickey for ec2-user from 198.51.100.9 port 50022 ssh2")]);

  await loginUi(page);
  await page.goto(`/clusters/${COV_CLUSTER}/coverage`);
  await expect(page.getByTestId("coverage-runtime")).toHaveAttribute("data-status", "silent");
  for (const l of ["audit", "k8s-event", "container", "node"]) await expect(page.getByTestId(`coverage-${l}`)).toHaveAttribute("data-status", "reporting");
  await expect(page.getByTestId("silent-banner")).toContainText("runtime");
  await expect(page.getByTestId("coverage-score")).toHaveText("75");
  await page.screenshot({ path: screenshotPath("coverage"), fullPage: true });

  // The clusters page shows the same gap.
  await page.goto("/clusters");
  await expect(page.getByTestId("coverage-row").filter({ hasText: COV_CLUSTER }).getByTestId("coverage-runtime")).toHaveAttribute("data-status", "silent");

  await page.goto(`/clusters/${COV_CLUSTER}/coverage`);
  await page.getByLabel("runtime (min)").fill("60");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByTestId("coverage-runtime")).toHaveAttribute("data-status", "reporting");
  await expect(page.getByTestId("silent-banner")).toHaveCount(0);
  await expect(page.getByTestId("coverage-score")).toHaveText("100");
});
