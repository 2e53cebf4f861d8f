/**
 * `npm run admin -- <command>`: account and token management from the shell.
 *   create-user --email E --password P --role viewer|analyst|admin [--name N]
 *   create-token --cluster NAME [--name N]      (the token is the last line printed)
 *   list-users | list-tokens | revoke-token --id ID | verify-audit
 * Uses DATABASE_URL, else the database of a running `npm start`, else opens the
 * embedded database under CROWSNEST_DATA_DIR (./.data) itself.
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { runningDatabaseUrl, startEmbeddedPostgres, type EmbeddedDb } from "../lib/embedded-pg";
import { migrate } from "../lib/migrate";
import { createDb } from "../lib/db";
import { createUser } from "../lib/auth/users";
import { CreateTokenInput, CreateUserInput, adminCreateToken, listTokens, listUsers } from "../lib/auth/admin";
import { revokeIngestToken } from "../lib/auth/tokens";
import { appendAudit, verifyChain } from "../lib/audit/trail";

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" }, cluster: { type: "string" }, id: { type: "string" } },
  strict: true,
});

async function withDb<T>(fn: (db: ReturnType<typeof createDb>) => Promise<T>): Promise<T> {
  let embedded: EmbeddedDb | undefined;
  const dataDir = resolve(process.env.CROWSNEST_DATA_DIR ?? ".data");
  let url = process.env.DATABASE_URL || (await runningDatabaseUrl(dataDir));
  if (!url) {
    // When `npm start` is running, the embedded server already owns the data
    // folder; a second postmaster refuses to start, so say what to do.
    try {
      embedded = await startEmbeddedPostgres(dataDir);
    } catch {
      throw new Error(`could not open the embedded database in ${dataDir} (set CROWSNEST_DATA_DIR or DATABASE_URL)`);
    }
    url = embedded.url;
  }
  await migrate(url);
  const db = createDb(url, 2);
  try {
    return await fn(db);
  } finally {
    await db.pool.end().catch(() => {});
    await embedded?.stop();
  }
}

async function main() {
  switch (command) {
    case "create-user": {
      const input = CreateUserInput.parse({ email: values.email, password: values.password, role: values.role ?? "viewer", name: values.name });
      const user = await withDb((db) =>
        db.prisma.$transaction(async (tx) => {
          const u = await createUser({ prisma: tx }, input);
          await appendAudit(tx, { userId: null, action: "user.create", target: `user:${u.id}`, details: { email: u.email, role: u.role, via: "cli" } });
          return u;
        }),
      );
      console.log(`created ${user.role} ${user.email} (${user.id})`);
      return;
    }
    case "create-token": {
      const input = CreateTokenInput.parse({ cluster: values.cluster, name: values.name });
      const t = await withDb((db) => adminCreateToken(db, null, input));
      console.log(`ingest token for cluster '${t.cluster}' (${t.id}); shown once, store it now:`);
      console.log(t.token);
      return;
    }
    case "revoke-token": {
      const id = String(values.id);
      const ok = await withDb((db) =>
        db.prisma.$transaction(async (tx) => {
          const revoked = await revokeIngestToken({ prisma: tx }, id);
          if (revoked) await appendAudit(tx, { userId: null, action: "token.revoke", target: `token:${id}`, details: { via: "cli" } });
          return revoked;
        }),
      );
      console.log(ok ? "revoked" : "no such active token");
      if (!ok) process.exitCode = 1;
      return;
    }
    case "list-users":
      for (const u of await withDb(listUsers)) console.log(`${u.role.padEnd(8)} ${u.email}${u.disabled ? " (disabled)" : ""}`);
      return;
    case "list-tokens":
      for (const t of await withDb(listTokens)) console.log(`${t.id} ${t.cluster} ${t.prefix}… ${t.revokedAt ? "revoked" : "active"} accepted=${t.accepted}`);
      return;
    case "verify-audit": {
      const r = await withDb((db) => verifyChain(db.prisma));
      console.log(r.ok ? `audit trail intact (${r.checked} entries)` : `audit trail BROKEN at entry ${r.brokenAt}`);
      if (!r.ok) process.exitCode = 1;
      return;
    }
    default:
      console.error("usage: npm run admin -- create-user --email E --password P --role viewer|analyst|admin | create-token --cluster NAME | list-users | list-tokens | revoke-token --id ID | verify-audit");
      process.exitCode = 2;
  }
}

main().catch((err) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
