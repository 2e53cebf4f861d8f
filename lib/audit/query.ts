import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntryDto = {
  id: string;
  at: string;
  user: { id: string; email: string } | null;
  action: string;
  target: string | null;
  details: unknown;
  hash: string;
  prevHash: string;
};

/**
 * GET /api/v1/audit: newest first, paged backwards by id. `action` matches
 * exactly or as a prefix of dotted actions ("alert" finds "alert.status").
 */
export async function listAuditEntries(db: Db, p: { before?: string; limit: number; action?: string }): Promise<{ entries: AuditEntryDto[]; nextBefore: string | null }> {
  const where: Prisma.AuditLogWhereInput = {};
  if (p.before) where.id = { lt: BigInt(p.before) };
  if (p.action) where.OR = [{ action: p.action }, { action: { startsWith: `${p.action}.` } }];
  const rows = await db.prisma.auditLog.findMany({ where, orderBy: { id: "desc" }, take: p.limit + 1 });
  const page = rows.slice(0, p.limit);
  const ids = [...new Set(page.map((r) => r.userId).filter((x): x is string => !!x))];
  const users = ids.length ? await db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    entries: page.map((r) => ({
      id: r.id.toString(), at: r.at.toISOString(), user: r.userId ? byId.get(r.userId) ?? { id: r.userId, email: "(deleted user)" } : null,
      action: r.action, target: r.target, details: r.details, hash: r.hash, prevHash: r.prevHash,
    })),
    nextBefore: rows.length > p.limit ? page[page.length - 1].id.toString() : null,
  };
}
