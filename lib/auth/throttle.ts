import { HttpError } from "@/lib/http/errors";

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES = 10;
const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

/**
 * Slows password guessing: after 10 failed logins for one e-mail or from one
 * address within 15 minutes, further attempts get 429 until the window passes.
 */
export function assertLoginAllowed(email: string, ip: string | null, now = Date.now()): void {
  for (const key of [`e:${email.toLowerCase()}`, ip ? `i:${ip}` : null]) {
    if (!key) continue;
    const list = recent(key, now);
    if (list.length >= MAX_FAILURES) {
      const retry = Math.ceil((list[0] + WINDOW_MS - now) / 1000);
      throw new HttpError(429, "too many failed logins; try again later", undefined, { "retry-after": String(Math.max(1, retry)) });
    }
  }
}

export function recordLoginFailure(email: string, ip: string | null, now = Date.now()): void {
  for (const key of [`e:${email.toLowerCase()}`, ip ? `i:${ip}` : null]) {
    if (!key) continue;
    failures.set(key, [...recent(key, now), now]);
  }
}

export function clearLoginFailures(email: string): void {
  failures.delete(`e:${email.toLowerCase()}`);
}
