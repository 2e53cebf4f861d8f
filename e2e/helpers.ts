import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";

export const ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password-1" };

export async function loginUi(page: Page, user = ADMIN) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
}

/** Logs a browser context in through the JSON API (same cookie as the form). */
export async function loginApi(request: APIRequestContext, user = ADMIN) {
  const r = await request.post("/api/v1/auth/login", { data: user });
  if (!r.ok()) throw new Error(`login failed: ${r.status()}`);
}

export function auditEvent(over: { verb?: string; subresource?: string; ns?: string; pod?: string; user?: string; code?: number; agoMs?: number } = {}) {
  const at = new Date(Date.now() - (over.agoMs ?? 0)).toISOString();
  const ns = over.ns ?? "payments";
  const pod = over.pod ?? "payments-api-7d9f8b6c5-x2k4q";
  return {
    kind: "Event", apiVersion: "audit.k8s.io/v1", level: "Metadata", auditID: randomUUID(), stage: "ResponseComplete",
    requestURI: `/api/v1/namespaces/${ns}/pods/${pod}${over.subresource ? "/" + over.subresource : ""}`,
    verb: over.verb ?? "get", user: { username: over.user ?? "alice@corp.example", groups: ["system:authenticated"] },
    sourceIPs: ["198.51.100.23"], userAgent: "kubectl/v1.30.0",
    objectRef: { resource: "pods", namespace: ns, name: pod, apiVersion: "v1", ...(over.subresource ? { subresource: over.subresource } : {}) },
    responseStatus: { metadata: {}, code: over.code ?? 200 }, requestReceivedTimestamp: at, stageTimestamp: at,
  };
}

export function screenshotPath(name: string) {
  return `test-results/screenshots/${name}.png`;
}
