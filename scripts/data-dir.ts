import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * As root, the embedded PostgreSQL runs as OS user `postgres`, which needs to
 * traverse every folder above the data directory. Say so plainly instead of
 * letting initdb fail with a permission error deep inside.
 */
export function checkDataDirReachable(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  // The data folder itself is ours (startEmbeddedPostgres opens it up); its parents are not.
  let p = dirname(dataDir);
  while (!existsSync(p)) p = dirname(p);
  for (let dir = p; ; dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as user 'postgres', which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
          `Set CROWSNEST_DATA_DIR to a folder it can reach (e.g. /var/lib/crowsnest), or run: chmod o+x ${dir}`,
      );
    }
    if (dir === dirname(dir)) break;
  }
  accessSync(p, constants.W_OK);
}
