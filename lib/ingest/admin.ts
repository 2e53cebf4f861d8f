import type { Db } from "@/lib/db";
import { z } from "zod";
import { HttpError } from "@/lib/http/errors";

export const QuarantineParams = z.object({
  tokenId: z.string().uuid().optional(),
  source: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** id of the last record of the previous page (newest first) */
  before: z.string().regex(/^\d{1,19}$/).optional(),
});

export async function ingestStats(db: Db) {
  const rows = await db.prisma.ingestStat.findMany({ include: { token: true }, orderBy: [{ lastSeenAt: "desc" }] });
  return rows.map((r) => ({
    tokenId: r.tokenId, tokenName: r.token.name, tokenPrefix: r.token.prefix, cluster: r.token.cluster, revoked: r.token.revokedAt !== null,
    source: r.source, batches: Number(r.batches), accepted: Number(r.accepted), duplicates: Number(r.duplicates),
    quarantined: Number(r.quarantined), lastSeenAt: r.lastSeenAt.toISOString(),
  }));
}

export async function listQuarantine(db: Db, p: z.infer<typeof QuarantineParams>) {
  const rows = await db.prisma.quarantine.findMany({
    where: { tokenId: p.tokenId, source: p.source, ...(p.before ? { id: { lt: BigInt(p.before) } } : {}) },
    orderBy: { id: "desc" },
    take: p.limit + 1,
    include: { token: { select: { name: true } } },
  });
  const page = rows.slice(0, p.limit);
  return {
    records: page.map((r) => ({
      id: r.id.toString(), receivedAt: r.receivedAt.toISOString(), tokenId: r.tokenId, tokenName: r.token?.name ?? null,
      cluster: r.cluster, source: r.source, recordIndex: r.recordIndex, reason: r.reason, raw: r.raw,
    })),
    nextBefore: rows.length > p.limit ? page[page.length - 1].id.toString() : null,
  };
}

export async function getQuarantined(db: Db, id: string) {
  if (!/^\d{1,19}$/.test(id)) throw new HttpError(404, "not found");
  const r = await db.prisma.quarantine.findUnique({ where: { id: BigInt(id) } });
  if (!r) throw new HttpError(404, "not found");
  return { ...r, id: r.id.toString(), receivedAt: r.receivedAt.toISOString() };
}
