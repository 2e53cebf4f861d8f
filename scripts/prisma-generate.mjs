// Runs `prisma generate` without the native schema engine, which the Prisma CLI
// would otherwise try to download (these machines cannot reach its host, and
// generation does not need it). Migrations are applied by lib/migrate instead.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync, chmodSync } from "node:fs";
import { join } from "node:path";

const root = process.cwd();
if (!existsSync(join(root, "prisma", "schema.prisma"))) process.exit(0);
const stubDir = join(root, "node_modules", ".cache", "crowsnest");
mkdirSync(stubDir, { recursive: true });
const stub = join(stubDir, "schema-engine-stub");
writeFileSync(stub, "#!/bin/sh\necho 'schema engine not available offline' >&2\nexit 1\n");
chmodSync(stub, 0o755);
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const r = spawnSync(process.execPath, [join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
  stdio: "inherit",
  env,
});
process.exit(r.status ?? 1);
