import type { Db } from "@/lib/db";
import { pruneRollups } from "@/lib/inventory/rollups";
import { createPartitionsAhead, dropExpiredPartitions } from "./partitions";

export function retentionDays(): number {
  const v = Number(process.env.CROWSNEST_RETENTION_DAYS ?? 30);
  return Number.isFinite(v) && v >= 1 ? Math.floor(v) : 30;
}

/** Hourly housekeeping: partitions for the coming days, retention for the old ones and for what derives from them, expired sessions. */
export async function runMaintenance(db: Db, now = Date.now()): Promise<{ dropped: string[] }> {
  await createPartitionsAhead(db, 3, now);
  const dropped = await dropExpiredPartitions(db, retentionDays(), now);
  const cutoff = new Date(now - retentionDays() * 86_400_000);
  await pruneRollups(db, cutoff);
  // New-value rules' memory: a combination unseen for the whole retention is new again if it returns.
  await db.pool.query("DELETE FROM rule_values WHERE last_seen < $1", [cutoff]);
  await db.prisma.session.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  return { dropped };
}
