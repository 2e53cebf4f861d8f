import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RoleName, SessionUser } from "./roles";
import { hashPassword, verifyPassword, generatePassword } from "./password";

export class UserExistsError extends Error {}

/** Takes a transaction's client too, so the caller can audit the creation atomically. */
export async function createUser(db: { prisma: Db["prisma"] | Prisma.TransactionClient }, input: { email: string; password: string; role: RoleName; name?: string | null }): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.prisma.user.findUnique({ where: { email } });
  if (existing) throw new UserExistsError(`user ${email} already exists`);
  const user = await db.prisma.user.create({
    data: { email, name: input.name ?? null, role: input.role, passwordHash: await hashPassword(input.password) },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

/** Checks e-mail and password; the same work is done for unknown users so timing does not reveal them. */
export async function authenticate(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const user = await db.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user || user.disabled) {
    await verifyPassword(await dummyHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) return null;
  await db.prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(generatePassword());
  return dummy;
}

/**
 * On first start with no users, creates an admin. Returns the credentials to
 * print once, or null when users already exist.
 */
export async function ensureFirstAdmin(db: Db, env: { email?: string; password?: string } = {}): Promise<{ email: string; password: string; generated: boolean } | null> {
  const count = await db.prisma.user.count();
  if (count > 0) return null;
  const email = env.email?.trim() || "admin@crowsnest.local";
  const password = env.password || generatePassword();
  await createUser(db, { email, password, role: "admin", name: "Administrator" });
  return { email, password, generated: !env.password };
}
