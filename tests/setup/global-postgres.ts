import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDb } from "../../lib/embedded-pg";
import { migrate } from "../../lib/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

let server: EmbeddedDb | undefined;
let dir: string | undefined;

/**
 * Integration tests run against a real PostgreSQL: the embedded one in a fresh
 * temporary folder (so the `postgres` OS user can reach it wherever the
 * checkout lives), or TEST_DATABASE_URL when given.
 */
export async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    dir = await mkdtemp(join(tmpdir(), "crowsnest-test-"));
    server = await startEmbeddedPostgres(dir);
    url = server.url;
  }
  await migrate(url);
  project.provide("databaseUrl", url);
}

export async function teardown() {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
