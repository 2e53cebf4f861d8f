import type { Db } from "@/lib/db";
import type { SessionUser } from "./roles";
import { randomSecret, sha256Hex } from "./secrets";

export const SESSION_COOKIE = "crowsnest_session";
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A fresh random session id at every login; only its hash is stored. */
export async function createSession(db: Db, userId: string, meta: { userAgent?: string | null; ip?: string | null } = {}): Promise<{ token: string; expiresAt: Date }> {
  const token = randomSecret(32);
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await db.prisma.session.create({
    data: { idHash: sha256Hex(token), userId, expiresAt, userAgent: meta.userAgent ?? null, ip: meta.ip ?? null },
  });
  return { token, expiresAt };
}

export async function userForSession(db: Db, token: string | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 200) return null;
  const session = await db.prisma.session.findUnique({ where: { idHash: sha256Hex(token) }, include: { user: true } });
  if (!session || session.expiresAt < new Date() || session.user.disabled) return null;
  const u = session.user;
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

export async function deleteSession(db: Db, token: string | undefined): Promise<void> {
  if (!token) return;
  await db.prisma.session.deleteMany({ where: { idHash: sha256Hex(token) } });
}
