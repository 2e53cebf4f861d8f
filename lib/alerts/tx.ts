import type { Prisma } from "@/lib/generated/prisma/client";
import type { AlertStatusName } from "./schemas";

export type Tx = Prisma.TransactionClient;

export type LockedAlert = { id: number; status: AlertStatusName; assignee_id: string | null; incident_id: number | null; severity: string; title: string };

/**
 * Locks the alerts a triage action changes (in id order, so two bulk actions
 * over overlapping selections cannot deadlock) and returns their current state.
 */
export async function lockAlerts(tx: Tx, ids: number[]): Promise<Map<number, LockedAlert>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<LockedAlert[]>`
    SELECT id, status::text AS status, assignee_id::text AS assignee_id, incident_id, severity, title
    FROM alerts WHERE id = ANY(${ids}::int[]) ORDER BY id FOR UPDATE`;
  return new Map(rows.map((r) => [r.id, r]));
}
