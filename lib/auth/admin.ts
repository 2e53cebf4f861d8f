import type { Db } from "@/lib/db";
import { z } from "zod";
import { ROLES, type SessionUser } from "./roles";
import { createUser, UserExistsError } from "./users";
import { createIngestToken, revokeIngestToken } from "./tokens";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";

export const CreateUserInput = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(12, "at least 12 characters").max(1024),
  role: z.enum(ROLES),
  name: z.string().trim().max(200).nullish(),
});
export const UpdateUserInput = z.object({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() }).strict();
export const CreateTokenInput = z.object({
  cluster: z.string().trim().min(1).max(253).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' and '-'"),
  name: z.string().trim().max(200).optional(),
});

const publicUser = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true, lastLoginAt: true } as const;

export async function listUsers(db: Db) {
  return db.prisma.user.findMany({ select: publicUser, orderBy: { email: "asc" } });
}

export async function adminCreateUser(db: Db, actor: SessionUser, input: z.infer<typeof CreateUserInput>) {
  try {
    // One transaction: no user without its audit entry, no entry for a user that was not created.
    return await db.prisma.$transaction(async (tx) => {
      const user = await createUser({ prisma: tx }, input);
      await appendAudit(tx, { userId: actor.id, action: "user.create", target: `user:${user.id}`, details: { email: user.email, role: user.role } });
      return user;
    });
  } catch (err) {
    if (err instanceof UserExistsError) throw new HttpError(409, err.message);
    throw err;
  }
}

export async function adminUpdateUser(db: Db, actor: SessionUser, id: string, input: z.infer<typeof UpdateUserInput>) {
  if (id === actor.id && (input.disabled || (input.role && input.role !== "admin"))) {
    throw new HttpError(400, "you cannot demote or disable yourself");
  }
  return db.prisma.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id } });
    if (!found) throw new HttpError(404, "user not found");
    const user = await tx.user.update({ where: { id }, data: input, select: publicUser });
    if (input.disabled) await tx.session.deleteMany({ where: { userId: id } });
    await appendAudit(tx, { userId: actor.id, action: "user.update", target: `user:${id}`, details: { before: { role: found.role, disabled: found.disabled }, after: input } });
    return user;
  });
}

export async function listTokens(db: Db) {
  const rows = await db.prisma.ingestToken.findMany({ orderBy: { createdAt: "desc" } });
  return rows.map((t) => ({
    id: t.id, name: t.name, cluster: t.cluster, prefix: t.prefix, createdAt: t.createdAt, revokedAt: t.revokedAt,
    lastUsedAt: t.lastUsedAt, accepted: Number(t.accepted), duplicates: Number(t.duplicates), rejected: Number(t.rejected),
  }));
}

export async function adminCreateToken(db: Db, actor: SessionUser | null, input: z.infer<typeof CreateTokenInput>) {
  return db.prisma.$transaction(async (tx) => {
    const created = await createIngestToken({ prisma: tx }, { cluster: input.cluster, name: input.name, createdById: actor?.id ?? null });
    await appendAudit(tx, { userId: actor?.id ?? null, action: "token.create", target: `token:${created.id}`, details: { cluster: created.cluster, name: created.name } });
    return created;
  });
}

export async function adminRevokeToken(db: Db, actor: SessionUser, id: string) {
  if (!z.string().uuid().safeParse(id).success) throw new HttpError(404, "token not found");
  await db.prisma.$transaction(async (tx) => {
    const ok = await revokeIngestToken({ prisma: tx }, id);
    if (!ok) throw new HttpError(404, "token not found or already revoked");
    await appendAudit(tx, { userId: actor.id, action: "token.revoke", target: `token:${id}` });
  });
}
