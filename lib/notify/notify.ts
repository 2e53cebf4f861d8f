import type { PoolClient } from "pg";
import type { Db } from "@/lib/db";
import { deliver } from "./deliver";
import { alertMessage, digestMessage, type AlertForMessage } from "./payload";
import type { Resolver } from "./ssrf";

const RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
/** Only these are announced; a target's min severity (high or critical) can raise the bar. */
export const NOTIFY_MIN_RANK = RANK.high;
/** More new alerts than this for one target in one batch become one digest message. */
export const DIGEST_ABOVE = 5;

/**
 * The high/critical alerts the current transaction created. created_at
 * defaults to now(), which is the transaction's start time, so inside the
 * transaction it singles out exactly the rows it inserted (an upsert that
 * updates an older alert keeps that alert's created_at). Lets ingest find its
 * new alerts without knowing how detection inserts them.
 */
export async function alertsCreatedInTransaction(client: PoolClient): Promise<number[]> {
  const { rows } = await client.query<{ id: number }>(`SELECT id FROM alerts WHERE created_at = now() AND severity IN ('high', 'critical') ORDER BY id`);
  return rows.map((r) => r.id);
}

/**
 * Announces NEW high/critical alerts to every enabled target whose minimum
 * severity they meet. Called after the ingest transaction commits, never
 * awaited by it: a slow or failing webhook must not hold up ingestion.
 */
export async function notifyNewAlerts(db: Db, alertIds: number[], opts: { resolve?: Resolver; retryDelayMs?: number; timeoutMs?: number } = {}): Promise<{ sent: number; failed: number }> {
  if (alertIds.length === 0) return { sent: 0, failed: 0 };
  const alerts = await db.prisma.alert.findMany({
    where: { id: { in: alertIds }, severity: { in: Object.keys(RANK).filter((s) => RANK[s] >= NOTIFY_MIN_RANK) } },
    include: { rule: { select: { name: true } } },
    orderBy: { id: "asc" },
  });
  if (alerts.length === 0) return { sent: 0, failed: 0 };
  const targets = await db.prisma.notificationTarget.findMany({ where: { enabled: true } });
  let sent = 0;
  let failed = 0;
  await Promise.all(
    targets.map(async (t) => {
      const mine: AlertForMessage[] = alerts
        .filter((a) => (RANK[a.severity] ?? 0) >= Math.max(RANK[t.minSeverity] ?? NOTIFY_MIN_RANK, NOTIFY_MIN_RANK))
        .map((a) => ({ id: a.id, title: a.title, severity: a.severity, ruleName: a.rule.name, cluster: a.cluster, namespace: a.namespace, pod: a.pod, actor: a.actor, firstSeen: a.firstSeen }));
      if (mine.length === 0) return;
      const messages = mine.length > DIGEST_ABOVE ? [{ alertId: null, body: digestMessage(mine) }] : mine.map((a) => ({ alertId: a.id, body: alertMessage(a) }));
      for (const m of messages) {
        const r = await deliver(db, t, m.alertId, m.body, opts).catch((err: Error) => ({ ok: false, statusCode: null, error: err.message }));
        if (r.ok) sent++;
        else failed++;
      }
    }),
  );
  return { sent, failed };
}
