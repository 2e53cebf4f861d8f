/**
 * A light brake on guessing share tokens: after MAX_MISSES wrong or expired
 * tokens from one address within WINDOW_MS, that address gets 429 for the
 * rest of the window. 128-bit tokens cannot be guessed anyway; this keeps
 * probes out of the audit trail's way. In memory, per process.
 */
export const MAX_MISSES = 30;
export const WINDOW_MS = 10 * 60_000;
const MAX_TRACKED = 10_000;

const misses = new Map<string, { count: number; resetAt: number }>();

export function retryAfterSeconds(ip: string, now = Date.now()): number | null {
  const m = misses.get(ip);
  if (!m || m.resetAt <= now) return null;
  return m.count >= MAX_MISSES ? Math.ceil((m.resetAt - now) / 1000) : null;
}

export function recordMiss(ip: string, now = Date.now()): void {
  const m = misses.get(ip);
  if (m && m.resetAt > now) {
    m.count++;
    return;
  }
  if (misses.size >= MAX_TRACKED) {
    for (const [k, v] of misses) if (v.resetAt <= now) misses.delete(k);
    if (misses.size >= MAX_TRACKED) misses.delete(misses.keys().next().value!);
  }
  misses.set(ip, { count: 1, resetAt: now + WINDOW_MS });
}

export function resetProbeLimit(): void {
  misses.clear();
}

/** The client address as the TLS proxy in front reports it, else unknown. */
export function clientIp(headers: Headers): string {
  const fwd = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (fwd || headers.get("x-real-ip") || "unknown").slice(0, 64);
}
