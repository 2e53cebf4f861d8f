import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { randomSecret, sha256Hex } from "@/lib/auth/secrets";
import { HttpError } from "@/lib/http/errors";
import { recordActivity } from "@/lib/incidents/activity";
import { incidentKey } from "@/lib/incidents/keys";

/** 128 random bits, base64url: 22 characters. */
export const SHARE_TOKEN_BYTES = 16;
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export type ShareLinkDto = {
  id: string;
  incidentId: number;
  incidentKey: string;
  createdBy: { id: string; email: string } | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  openCount: number;
  lastOpenedAt: string | null;
  active: boolean;
};

/**
 * POST /api/v1/incidents/:key/shares: a read-only link for someone without an
 * account. The token is returned once; only its sha256 is stored, so a
 * database dump cannot be turned into working links.
 */
export async function createShareLink(db: Db, user: SessionUser, incidentId: number, expiresInHours: number): Promise<{ id: string; url: string; expiresAt: string }> {
  const token = randomSecret(SHARE_TOKEN_BYTES);
  const expiresAt = new Date(Date.now() + expiresInHours * 3_600_000);
  const link = await db.prisma.$transaction(async (tx) => {
    const incident = await tx.incident.findUnique({ where: { id: incidentId }, select: { id: true } });
    if (!incident) throw new HttpError(404, "incident not found");
    const created = await tx.shareLink.create({ data: { incidentId, tokenHash: sha256Hex(token), createdBy: user.id, expiresAt } });
    await recordActivity(tx, incidentId, user.id, "share.create", { shareId: created.id, expiresAt: expiresAt.toISOString() });
    await appendAudit(tx, { userId: user.id, action: "share.create", target: `incident:${incidentId}`, details: { shareId: created.id, expiresAt: expiresAt.toISOString(), expiresInHours } });
    return created;
  });
  return { id: link.id, url: `/share/${token}`, expiresAt: link.expiresAt.toISOString() };
}

export async function listShareLinks(db: Db, incidentId: number): Promise<ShareLinkDto[]> {
  const rows = await db.prisma.shareLink.findMany({ where: { incidentId }, orderBy: { createdAt: "desc" } });
  const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
  const users = ids.length ? await db.prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id, incidentId: r.incidentId, incidentKey: incidentKey(r.incidentId),
    createdBy: r.createdBy ? byId.get(r.createdBy) ?? { id: r.createdBy, email: "(deleted user)" } : null,
    createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null,
    openCount: r.openCount, lastOpenedAt: r.lastOpenedAt?.toISOString() ?? null,
    active: !r.revokedAt && r.expiresAt.getTime() > now,
  }));
}

/**
 * DELETE /api/v1/shares/:id. Analysts may create links; revoking one is for
 * an admin, the incident's owner or whoever created the link.
 */
export async function revokeShareLink(db: Db, user: SessionUser, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new HttpError(404, "share link not found");
  await db.prisma.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id }, include: { incident: { select: { ownerId: true } } } });
    if (!link || link.revokedAt) throw new HttpError(404, "share link not found or already revoked");
    const allowed = user.role === "admin" || link.incident.ownerId === user.id || link.createdBy === user.id;
    if (!allowed) throw new HttpError(403, "only an admin, the incident's owner or the link's creator can revoke it");
    await tx.shareLink.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordActivity(tx, link.incidentId, user.id, "share.revoke", { shareId: id });
    await appendAudit(tx, { userId: user.id, action: "share.revoke", target: `incident:${link.incidentId}`, details: { shareId: id } });
  });
}
