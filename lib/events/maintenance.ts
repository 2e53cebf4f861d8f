import type { Db } from "@/lib/db";
import { pruneRollups } from "@/lib/inventory/rollups";
import { createPartitionsAhead, dropExpiredPartitions } from "./partitions";

export function retentionDays(): number {
  const v = Number(process.env.CROWSNEST_RETENTION_DAYS ?? 30);
  return Number.isFinite(v) && v >= 1 ? Math.floor(v) : 30;
}

/** Hourly housekeeping: partitions for the coming days, retention for the old ones, expired sessions. */
export async function runMaintenance(db: Db, now = Date.now()): Promise<{ dropped: string[] }> {
  await createPartitionsAhead(db, 3, now);
  const dropped = await dropExpiredPartitions(db, retentionDays(), now);
  await pruneRollups(db, new Date(now - retentionDays() * 86_400_000));
  await db.prisma.session.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
  return { dropped };
}
