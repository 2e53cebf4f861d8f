// `npm test`: typecheck, lint, unit + integration (real PostgreSQL), build, e2e
// (real Chromium against `next start`). Stops at the first failing step and
// ends with one "N passed, N failed" line summing the test runners' counts.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync, rmSync } from "node:fs";

const only = process.argv.slice(2);
const run = (cmd, args, env = {}) => spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } }).status === 0;
const npx = (...args) => run("npx", ["--no-install", ...args]);
let passed = 0;
let failed = 0;

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function ensureBrowser() {
  const system = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => p && existsSync(p));
  if (system) return true;
  console.log("[test] no system Chromium found; installing Playwright's own (needs network) …");
  if (npx("playwright", "install", "chromium")) return true;
  console.error("[test] no browser: install Debian's `chromium` (apt-get install chromium) or set CHROMIUM_PATH");
  return false;
}

mkdirSync("test-results", { recursive: true });
const steps = [
  ["typecheck", () => npx("tsc", "--noEmit", "-p", ".")],
  ["lint", () => npx("eslint", ".", "--max-warnings", "0")],
  ["unit+integration", () => {
    rmSync("test-results/vitest.json", { force: true });
    const ok = npx("vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json");
    const r = readJson("test-results/vitest.json");
    if (r) {
      passed += r.numPassedTests;
      failed += r.numFailedTests;
    }
    return ok;
  }],
  ["build", () => npx("next", "build")],
  ["e2e", () => {
    if (!ensureBrowser()) return false;
    rmSync("test-results/e2e.json", { force: true });
    const ok = npx("playwright", "test");
    const r = readJson("test-results/e2e.json");
    if (r?.stats) {
      passed += r.stats.expected + (r.stats.flaky ?? 0);
      failed += r.stats.unexpected;
    }
    return ok;
  }],
];

let ok = true;
for (const [name, fn] of steps) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  if (!fn()) {
    console.error(`[test] step '${name}' failed`);
    ok = false;
    break;
  }
  console.log(`[test] ${name} ok (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
