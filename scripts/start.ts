/**
 * `npm start`: the whole product from one command. Starts the embedded
 * PostgreSQL when DATABASE_URL is unset, applies migrations, creates the first
 * admin, builds the app when sources are newer than the build, then serves it
 * with `next start` on 127.0.0.1 and stops everything cleanly on SIGINT/SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { removeRuntimeInfo, startEmbeddedPostgres, writeRuntimeInfo, type EmbeddedDb } from "../lib/embedded-pg";
import { migrate } from "../lib/migrate";
import { createDb } from "../lib/db";
import { ensureFirstAdmin } from "../lib/auth/users";
import { syncBuiltinRules } from "../lib/detect/rules";
import { startDetectionLoop, type DetectionLoop } from "../lib/detect/windowed/loop";
import { runMaintenance } from "../lib/events/maintenance";
import { checkDataDirReachable } from "./data-dir";

const root = resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

const { values: args } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    host: { type: "string", default: "127.0.0.1" },
    demo: { type: "boolean", default: false },
    events: { type: "string" },
    "no-build": { type: "boolean", default: false },
  },
  strict: false,
});

function log(msg: string) {
  console.log(`[crowsnest] ${msg}`);
}

/** Newest modification time under the paths that make up the build. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== "generated" && name !== "node_modules") walk(join(p, name));
    } else if (/\.(tsx?|css|mjs|json)$/.test(p) && !p.endsWith(".test.ts")) newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["app", "components", "lib", "next.config.ts", "package.json", "proxy.ts"]) walk(join(root, p));
  return newest;
}

function buildIfNeeded() {
  const stamp = join(root, ".next", "BUILD_ID");
  if (args["no-build"]) return;
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource()) return;
  log("building the app (first start or sources changed) …");
  const r = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (r.status !== 0) throw new Error("next build failed");
}

async function main() {
  const port = Number(args.port ?? process.env.PORT ?? 3000);
  let embedded: EmbeddedDb | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = resolve(root, process.env.CROWSNEST_DATA_DIR ?? ".data");
    checkDataDirReachable(dataDir);
    log(`starting embedded PostgreSQL (data in ${dataDir}) …`);
    embedded = await startEmbeddedPostgres(dataDir);
    url = embedded.url;
    await writeRuntimeInfo(dataDir, url);
  } else log("using the PostgreSQL at DATABASE_URL");

  let child: ChildProcess | undefined;
  let detection: DetectionLoop | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child!.once("exit", r));
    }
    await detection?.stop().catch(() => {});
    if (embedded) {
      log("stopping embedded PostgreSQL …");
      await removeRuntimeInfo(embedded.dataDir);
      await embedded.stop();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const m = await migrate(url);
    log(m.applied.length ? `applied migrations: ${m.applied.join(", ")}` : `database schema up to date (${m.alreadyApplied} migrations)`);
    const db = createDb(url, 4);
    await syncBuiltinRules(db);
    await runMaintenance(db);
    const admin = await ensureFirstAdmin(db, { email: process.env.CROWSNEST_ADMIN_EMAIL, password: process.env.CROWSNEST_ADMIN_PASSWORD });
    if (admin) {
      log("created the first admin account:");
      log(`  e-mail:   ${admin.email}`);
      log(`  password: ${admin.generated ? admin.password : "(from CROWSNEST_ADMIN_PASSWORD)"}`);
      if (admin.generated) log("  (shown once — change it or create your own users under Admin → Users)");
    }
    if (args.demo) {
      const { runDemo } = await import("../lib/demo");
      const events = Number(args.events ?? 50_000);
      log(`loading ${events} demo events …`);
      await runDemo(db, { events, onProgress: () => {} });
    }
    setInterval(() => void runMaintenance(db).catch((e) => log(`maintenance failed: ${(e as Error).message}`)), 3_600_000).unref();
    // Detection: windowed rules (threshold, sequence, new value, silence) every 20 s; a failed run is logged, never fatal.
    detection = startDetectionLoop(db, { log });
    buildIfNeeded();
    log(`serving on http://${args.host}:${port}`);
    child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "-H", String(args.host), "-p", String(port)], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) => void shutdown(code ?? 0));
  } catch (err) {
    console.error(`[crowsnest] ${(err as Error).message}`);
    await shutdown(1);
  }
}

void main();
