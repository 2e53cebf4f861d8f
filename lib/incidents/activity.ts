import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db";
import type { Tx } from "@/lib/alerts/tx";

/**
 * Appends to an incident's activity timeline (append-only: a trigger refuses
 * UPDATE and DELETE) and marks the incident as updated. Call inside the
 * transaction that makes the change.
 */
export async function recordActivity(
  tx: Tx, incidentId: number, userId: string | null, action: string, details: Record<string, unknown> = {}, opts: { touch?: boolean } = {},
): Promise<void> {
  await tx.incidentActivity.create({ data: { incidentId, userId, action, details: details as Prisma.InputJsonValue } });
  // Reading (a share link opened) is activity but not a change.
  if (opts.touch !== false) await tx.incident.update({ where: { id: incidentId }, data: { updatedAt: new Date() } });
}

export type ActivityDto = { id: string; at: string; user: { id: string; email: string; name: string | null } | null; action: string; details: Record<string, unknown> };

export async function listActivity(db: Db, incidentId: number): Promise<ActivityDto[]> {
  const rows = await db.prisma.incidentActivity.findMany({ where: { incidentId }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  const ids = [...new Set(rows.map((r) => r.userId).filter((x): x is string => !!x))];
  const users = ids.length ? await db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id.toString(), at: r.at.toISOString(), user: r.userId ? byId.get(r.userId) ?? { id: r.userId, email: "(deleted user)", name: null } : null,
    action: r.action, details: r.details as Record<string, unknown>,
  }));
}
