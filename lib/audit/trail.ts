import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

// appendAudit must run inside a transaction (auditNow opens one): outside one
// the advisory lock would end with its own statement, and two writers could
// chain onto the same previous entry — a fork that verifyChain reports as
// tampering. ESLint refuses appendAudit(db.prisma, …).
type Tx = Prisma.TransactionClient;

export type AuditEntry = { userId: string | null; action: string; target?: string | null; details?: Record<string, unknown> };

const GENESIS = "0".repeat(64);

/** JSON with sorted keys: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

export function chainHash(prevHash: string, at: Date, e: AuditEntry): string {
  const body = canonicalJson([at.toISOString(), e.userId, e.action, e.target ?? null, e.details ?? {}]);
  return createHash("sha256").update(prevHash).update(body).digest("hex");
}

/**
 * Appends to the analyst audit trail. Call inside the transaction that makes
 * the change, so the change and its record commit together. Each row hashes
 * the previous one: editing or deleting a row breaks the chain (verifyChain).
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  // Serializes writers so the chain stays linear.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('crowsnest.audit_log'))`;
  const last = await tx.auditLog.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS;
  const at = new Date();
  await tx.auditLog.create({
    data: {
      at,
      userId: entry.userId,
      action: entry.action,
      target: entry.target ?? null,
      details: (entry.details ?? {}) as Prisma.InputJsonValue,
      prevHash,
      hash: chainHash(prevHash, at, entry),
    },
  });
}

/** Re-computes the chain in id order, a batch at a time so a long trail does not have to fit in memory. */
/** An audit entry on its own, in a transaction of its own. */
export async function auditNow(prisma: PrismaClient, entry: AuditEntry): Promise<void> {
  await prisma.$transaction((tx) => appendAudit(tx, entry));
}

export async function verifyChain(db: PrismaClient, batchSize = 5000): Promise<{ ok: boolean; checked: number; brokenAt?: string }> {
  let prev = GENESIS;
  let checked = 0;
  let after: bigint | null = null;
  for (;;) {
    const rows: Awaited<ReturnType<typeof db.auditLog.findMany>> = await db.auditLog.findMany({ where: after === null ? {} : { id: { gt: after } }, orderBy: { id: "asc" }, take: batchSize });
    for (const r of rows) {
      checked++;
      const expected = chainHash(prev, r.at, { userId: r.userId, action: r.action, target: r.target, details: r.details as Record<string, unknown> });
      if (r.prevHash !== prev || r.hash !== expected) return { ok: false, checked, brokenAt: String(r.id) };
      prev = r.hash;
    }
    if (rows.length < batchSize) return { ok: true, checked };
    after = rows[rows.length - 1].id;
  }
}
