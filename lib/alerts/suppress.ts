/**
 * Suppressions (exceptions): matches of a rule whose fields have given values
 * raise no alert until the suppression expires or is revoked. What they hold
 * back is counted (suppressed_matches), so nothing disappears silently.
 */
import { z } from "zod";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { invalidateRuleCache } from "@/lib/detect/rules";
import { describeSuppressionMatch, SuppressionMatchSchema, type SuppressionMatch } from "./suppress-match";

export const SuppressionInput = z
  .object({
    ruleId: z.string().trim().min(1).max(200).nullable(),
    match: SuppressionMatchSchema,
    reason: z.string().trim().min(3, "say why (at least 3 characters)").max(2000),
    expiresAt: z.string().datetime({ offset: true }).optional(),
    expiresInDays: z.number().int().min(1).max(365).optional(),
  })
  .strict()
  .refine((s) => !(s.expiresAt && s.expiresInDays), "give expiresAt or expiresInDays, not both");
export type SuppressionInput = z.infer<typeof SuppressionInput>;

export type SuppressionDto = {
  id: number;
  ruleId: string | null;
  ruleName: string | null;
  match: SuppressionMatch;
  summary: string;
  reason: string;
  author: { id: string; email: string } | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
  /** matches held back, and when the last one was */
  suppressed: number;
  lastSuppressedAt: string | null;
};

const DEFAULT_DAYS = 30;

export async function createSuppression(db: Db, user: SessionUser, input: SuppressionInput): Promise<SuppressionDto> {
  if (input.ruleId && !(await db.prisma.rule.findUnique({ where: { id: input.ruleId }, select: { id: true } }))) {
    throw new HttpError(404, `rule '${input.ruleId}' not found`);
  }
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(Date.now() + (input.expiresInDays ?? DEFAULT_DAYS) * 86_400_000);
  if (expiresAt.getTime() <= Date.now()) throw new HttpError(400, "the expiry is in the past");
  const row = await db.prisma.$transaction(async (tx) => {
    const s = await tx.suppression.create({ data: { ruleId: input.ruleId, match: input.match, reason: input.reason, createdById: user.id, expiresAt } });
    await appendAudit(tx, { userId: user.id, action: "suppression.create", target: `suppression:${s.id}`, details: { ruleId: input.ruleId, match: input.match, reason: input.reason, expiresAt: expiresAt.toISOString() } });
    return s;
  });
  invalidateRuleCache();
  return (await listSuppressions(db, { id: row.id }))[0];
}

export async function revokeSuppression(db: Db, user: SessionUser, id: number): Promise<SuppressionDto> {
  await db.prisma.$transaction(async (tx) => {
    const s = await tx.suppression.findUnique({ where: { id } });
    if (!s) throw new HttpError(404, "suppression not found");
    if (s.revokedAt) throw new HttpError(409, "suppression is already revoked");
    await tx.suppression.update({ where: { id }, data: { revokedAt: new Date() } });
    await appendAudit(tx, { userId: user.id, action: "suppression.revoke", target: `suppression:${id}` });
  });
  invalidateRuleCache();
  return (await listSuppressions(db, { id }))[0];
}

export async function listSuppressions(db: Db, p: { id?: number; ruleId?: string; activeOnly?: boolean } = {}): Promise<SuppressionDto[]> {
  const now = new Date();
  const rows = await db.prisma.suppression.findMany({
    where: {
      ...(p.id !== undefined ? { id: p.id } : {}),
      ...(p.ruleId ? { ruleId: p.ruleId } : {}),
      ...(p.activeOnly ? { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } : {}),
    },
    include: { rule: { select: { name: true } }, createdBy: { select: { id: true, email: true } } },
    orderBy: { id: "desc" },
    take: 500,
  });
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db.prisma.suppressedMatch.groupBy({ by: ["suppressionId"], where: { suppressionId: { in: ids } }, _sum: { count: true }, _max: { lastSeen: true } })
    : [];
  const byId = new Map(counts.map((c) => [c.suppressionId, c]));
  return rows.map((r) => {
    const match = r.match as SuppressionMatch;
    const c = byId.get(r.id);
    return {
      id: r.id, ruleId: r.ruleId, ruleName: r.rule?.name ?? null, match, summary: describeSuppressionMatch(match), reason: r.reason,
      author: r.createdBy, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt?.toISOString() ?? null, revokedAt: r.revokedAt?.toISOString() ?? null,
      active: !r.revokedAt && (!r.expiresAt || r.expiresAt > now),
      suppressed: c?._sum.count ?? 0, lastSuppressedAt: c?._max.lastSeen?.toISOString() ?? null,
    };
  });
}
