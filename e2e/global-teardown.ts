import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * The e2e database lives in a fresh temp folder per run; remove it once its
 * PostgreSQL has stopped (never pull the folder from under a running server).
 */
export default async function globalTeardown() {
  const dir = process.env.CROWSNEST_E2E_DATA;
  if (!dir || !dir.includes("crowsnest-e2e-")) return;
  for (let i = 0; i < 60 && existsSync(join(dir, "pg", "postmaster.pid")); i++) await new Promise((r) => setTimeout(r, 250));
  if (!existsSync(join(dir, "pg", "postmaster.pid"))) await rm(dir, { recursive: true, force: true });
}
