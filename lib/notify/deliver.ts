import type { Db } from "@/lib/db";
import { postJsonOnce, retryable, type SendResult } from "./send";
import type { Resolver } from "./ssrf";

export type TargetRow = { id: number; url: string; allowPrivateNetwork: boolean };

export const RETRY_DELAY_MS = 1_000;

/**
 * Sends one message to one target with at most one retry (network error,
 * 5xx or 429), recording every attempt in notification_deliveries.
 */
export async function deliver(db: Db, t: TargetRow, alertId: number | null, body: unknown, opts: { resolve?: Resolver; retryDelayMs?: number; timeoutMs?: number } = {}): Promise<SendResult> {
  const attempt = async () => {
    const r = await postJsonOnce(t.url, body, { allowPrivate: t.allowPrivateNetwork, resolve: opts.resolve, timeoutMs: opts.timeoutMs });
    await db.prisma.notificationDelivery.create({ data: { targetId: t.id, alertId, statusCode: r.statusCode, error: r.error?.slice(0, 1000) ?? null } });
    return r;
  };
  const first = await attempt();
  if (!retryable(first)) return first;
  await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? RETRY_DELAY_MS));
  return attempt();
}
