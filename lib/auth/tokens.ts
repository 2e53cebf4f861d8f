import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { randomSecret, sha256Hex } from "./secrets";

export const TOKEN_PREFIX = "cn_";

export type IngestScope = { tokenId: string; cluster: string };

/** Creates an ingest token scoped to one cluster. The token is returned once; only its hash is kept. */
export async function createIngestToken(db: { prisma: Db["prisma"] | Prisma.TransactionClient }, input: { cluster: string; name?: string; createdById?: string | null }) {
  const token = TOKEN_PREFIX + randomSecret(32);
  const row = await db.prisma.ingestToken.create({
    data: {
      cluster: input.cluster,
      name: input.name || `${input.cluster} token`,
      tokenHash: sha256Hex(token),
      prefix: token.slice(0, 10),
      createdById: input.createdById ?? null,
    },
  });
  return { token, id: row.id, cluster: row.cluster, name: row.name, prefix: row.prefix };
}

export type TokenCheck = { ok: true; scope: IngestScope } | { ok: false; status: 401 | 403; error: string };

export async function checkIngestToken(db: Db, authorization: string | null): Promise<TokenCheck> {
  const m = authorization?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!m) return { ok: false, status: 401, error: "missing bearer token (Authorization: Bearer <ingest token>)" };
  const row = await db.prisma.ingestToken.findUnique({ where: { tokenHash: sha256Hex(m[1]) } });
  if (!row) return { ok: false, status: 401, error: "unknown ingest token" };
  if (row.revokedAt) return { ok: false, status: 403, error: "ingest token revoked" };
  return { ok: true, scope: { tokenId: row.id, cluster: row.cluster } };
}

export async function revokeIngestToken(db: { prisma: Db["prisma"] | Prisma.TransactionClient }, id: string): Promise<boolean> {
  const r = await db.prisma.ingestToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return r.count > 0;
}
