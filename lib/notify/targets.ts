import { z } from "zod";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit, auditNow } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { UnsafeUrlError, validateWebhookUrl, type Resolver } from "./ssrf";
import { deliver } from "./deliver";
import { testMessage } from "./payload";

export const NOTIFY_SEVERITIES = ["high", "critical"] as const;

export const TargetInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: z.string().trim().min(1).max(2048),
    // Notifications are for new high and critical alerts; a target may ask for critical only.
    minSeverity: z.enum(NOTIFY_SEVERITIES).default("high"),
    enabled: z.boolean().default(true),
    allowPrivateNetwork: z.boolean().default(false),
  })
  .strict();
export const TargetPatch = TargetInput.partial().strict().refine((p) => Object.values(p).some((v) => v !== undefined), { message: "nothing to change" });

export type TargetDto = {
  id: number; name: string; url: string; minSeverity: string; enabled: boolean; allowPrivateNetwork: boolean; createdAt: string;
  lastDelivery: { at: string; statusCode: number | null; error: string | null } | null;
};

/** For the audit trail: webhook URLs carry their secret in the path, so only the origin is recorded. */
const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return "(invalid)";
  }
};

async function checkUrl(url: string, allowPrivate: boolean, resolve?: Resolver): Promise<void> {
  try {
    await validateWebhookUrl(url, { allowPrivate, resolve });
  } catch (err) {
    if (err instanceof UnsafeUrlError) throw new HttpError(400, `webhook URL refused: ${err.message}`);
    throw err;
  }
}

export async function listTargets(db: Db): Promise<TargetDto[]> {
  const rows = await db.prisma.notificationTarget.findMany({
    orderBy: { id: "asc" },
    include: { deliveries: { orderBy: { id: "desc" }, take: 1 } },
  });
  return rows.map((t) => ({
    id: t.id, name: t.name, url: t.url, minSeverity: t.minSeverity, enabled: t.enabled, allowPrivateNetwork: t.allowPrivateNetwork,
    createdAt: t.createdAt.toISOString(),
    lastDelivery: t.deliveries[0] ? { at: t.deliveries[0].at.toISOString(), statusCode: t.deliveries[0].statusCode, error: t.deliveries[0].error } : null,
  }));
}

async function one(db: Db, id: number): Promise<TargetDto> {
  const t = (await listTargets(db)).find((x) => x.id === id);
  if (!t) throw new HttpError(404, "notification target not found");
  return t;
}

export async function createTarget(db: Db, user: SessionUser, input: z.infer<typeof TargetInput>, resolve?: Resolver): Promise<TargetDto> {
  await checkUrl(input.url, input.allowPrivateNetwork, resolve);
  const id = await db.prisma.$transaction(async (tx) => {
    const t = await tx.notificationTarget.create({ data: { ...input, createdBy: user.id } });
    await appendAudit(tx, {
      userId: user.id, action: "notify.target.create", target: `notification-target:${t.id}`,
      details: { name: t.name, origin: originOf(t.url), minSeverity: t.minSeverity, enabled: t.enabled, allowPrivateNetwork: t.allowPrivateNetwork },
    });
    return t.id;
  });
  return one(db, id);
}

export async function updateTarget(db: Db, user: SessionUser, id: number, patch: z.infer<typeof TargetPatch>, resolve?: Resolver): Promise<TargetDto> {
  const current = await db.prisma.notificationTarget.findUnique({ where: { id } });
  if (!current) throw new HttpError(404, "notification target not found");
  const url = patch.url ?? current.url;
  const allowPrivate = patch.allowPrivateNetwork ?? current.allowPrivateNetwork;
  // Re-check whenever the destination or its permission changes.
  if (patch.url !== undefined || patch.allowPrivateNetwork !== undefined) await checkUrl(url, allowPrivate, resolve);
  await db.prisma.$transaction(async (tx) => {
    await tx.notificationTarget.update({ where: { id }, data: patch });
    const { url: newUrl, ...rest } = patch;
    await appendAudit(tx, {
      userId: user.id, action: "notify.target.update", target: `notification-target:${id}`,
      details: { ...rest, ...(newUrl !== undefined ? { origin: originOf(newUrl), urlChanged: newUrl !== current.url } : {}) },
    });
  });
  return one(db, id);
}

export async function deleteTarget(db: Db, user: SessionUser, id: number): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const t = await tx.notificationTarget.findUnique({ where: { id } });
    if (!t) throw new HttpError(404, "notification target not found");
    await tx.notificationTarget.delete({ where: { id } });
    await appendAudit(tx, { userId: user.id, action: "notify.target.delete", target: `notification-target:${id}`, details: { name: t.name, origin: originOf(t.url) } });
  });
}

/** POST /api/v1/notifications/targets/:id/test: one message, same guards and recording as a real one. */
export async function testTarget(db: Db, user: SessionUser, id: number, resolve?: Resolver) {
  const t = await db.prisma.notificationTarget.findUnique({ where: { id } });
  if (!t) throw new HttpError(404, "notification target not found");
  const r = await deliver(db, t, null, testMessage(t.name), { resolve });
  await auditNow(db.prisma, { userId: user.id, action: "notify.target.test", target: `notification-target:${id}`, details: { ok: r.ok, statusCode: r.statusCode, error: r.error } });
  return { ok: r.ok, statusCode: r.statusCode, error: r.error };
}
