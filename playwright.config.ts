import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemChromium } from "./e2e/browser";

const port = Number(process.env.E2E_PORT ?? 3217);
// A fresh database per run, in a temp folder the `postgres` user can reach.
process.env.CROWSNEST_E2E_DATA ??= mkdtempSync(join(tmpdir(), "crowsnest-e2e-"));
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password-1" };

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/global-teardown.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: systemChromium(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  webServer: {
    // node directly (not npm) so SIGTERM reaches the supervisor, which stops Next.js and PostgreSQL.
    command: `node --import tsx --conditions=react-server scripts/start.ts --port ${port} --no-build`,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      CROWSNEST_DATA_DIR: process.env.CROWSNEST_E2E_DATA,
      CROWSNEST_ADMIN_EMAIL: E2E_ADMIN.email,
      CROWSNEST_ADMIN_PASSWORD: E2E_ADMIN.password,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
  },
});
