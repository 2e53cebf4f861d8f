/**
 * `npm run demo -- --events N [--seed S] [--hours H]`: loads generated demo
 * data (three clusters, all five log layers, embedded attack stories) into
 * the Crowsnest database at DATABASE_URL through the normal ingest pipeline.
 * Lib files import `server-only`, a no-op only under the react-server export
 * condition, so without it this script re-runs itself with
 * NODE_OPTIONS=--conditions=react-server (lib code is imported after that).
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { MAX_DEMO_EVENTS } from "../lib/demo/generate";

function fail(msg: string): never {
  console.error(`[crowsnest demo] ${msg}`);
  process.exit(1);
}

function intArg(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  // Accept 1e6, 1_000_000 and 1,000,000 alike.
  const n = Number(value.replace(/[_,]/g, ""));
  if (!Number.isFinite(n) || n < min || n > max) fail(`--${name} must be a number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}, got ${JSON.stringify(value)}`);
  return Math.floor(n);
}

async function main() {
  let values: { events?: string; seed?: string; hours?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { events: { type: "string", short: "n" }, seed: { type: "string" }, hours: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
    }));
  } catch (err) {
    fail((err as Error).message);
  }
  if (values.help) {
    console.log("usage: npm run demo -- [--events N (default 50,000, max 10,000,000)] [--seed S] [--hours H (default 24)]");
    return;
  }
  const events = intArg("events", values.events, 50_000, 1, MAX_DEMO_EVENTS);
  const seed = intArg("seed", values.seed, 1, 0, 2 ** 32 - 1);
  const hours = values.hours === undefined ? 24 : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 90) fail(`--hours must be a number of hours from 0 to 2160, got ${JSON.stringify(values.hours)}`);

  const { runningDatabaseUrl } = await import("../lib/embedded-pg");
  const { resolve } = await import("node:path");
  // The database of a running `npm start` (embedded), unless DATABASE_URL says otherwise.
  const url = process.env.DATABASE_URL || (await runningDatabaseUrl(resolve(process.env.CROWSNEST_DATA_DIR ?? ".data")));
  if (!url) fail("no database: start Crowsnest with `npm start` first, or set DATABASE_URL");

  const nodeOptions = process.env.NODE_OPTIONS ?? "";
  if (!/(--conditions|-C)[= ]?react-server/.test(nodeOptions) && !process.execArgv.some((a) => a.includes("react-server"))) {
    const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
      stdio: "inherit",
      env: { ...process.env, NODE_OPTIONS: `${nodeOptions} --conditions=react-server`.trim() },
    });
    process.exit(r.status ?? 1);
  }
  const { createDb } = await import("../lib/db");
  const { runDemo } = await import("../lib/demo");
  const { syncBuiltinRules } = await import("../lib/detect/rules");
  const { migrate } = await import("../lib/migrate");

  // Idempotent, and what `npm start` does too: a fresh DATABASE_URL gets the
  // schema and the built-in rules, so the demo's attack stories raise alerts.
  await migrate(url);
  const db = createDb(url, 2);
  try {
    await syncBuiltinRules(db);
    console.log(`[crowsnest demo] loading ${events.toLocaleString("en-US")} events (seed ${seed}, last ${hours} h) into ${redact(url)} …`);
    await runDemo(db, { events, seed, windowMs: hours * 3_600_000, log: (line) => console.log(`[crowsnest demo] ${line}`) });
  } finally {
    await db.pool.end().catch(() => {});
  }
}

/** The URL without its password, for the progress line. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "the database";
  }
}

main().catch((err) => fail(err instanceof Error ? err.message : String(err)));
