import { HttpError } from "@/lib/http/errors";

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

type Bucket = { tokens: number; at: number };
const buckets = new Map<string, Bucket>();

/**
 * Per-token request rate (token bucket). Past it: 429 + Retry-After, which
 * every shipper here backs off on. CROWSNEST_INGEST_RPS (default 200/s, burst 2×).
 */
export function takeRateToken(tokenId: string, now = Date.now()): void {
  const rate = envInt("CROWSNEST_INGEST_RPS", 200);
  const burst = rate * 2;
  const b = buckets.get(tokenId) ?? { tokens: burst, at: now };
  b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate);
  b.at = now;
  buckets.set(tokenId, b);
  if (b.tokens < 1) {
    const wait = Math.max(1, Math.ceil((1 - b.tokens) / rate));
    throw new HttpError(429, `rate limit of ${rate} requests/s for this token exceeded`, undefined, { "retry-after": String(wait) });
  }
  b.tokens -= 1;
}

const LARGE_BODY = 4 * 1024 * 1024;
let active = 0;
let activeLarge = 0;
const waiting: (() => void)[] = [];
let draining = false;

/** After SIGTERM new batches get 503 (retry elsewhere or later); in-flight ones finish. */
export function startDraining(): void {
  draining = true;
}

if (typeof process !== "undefined" && typeof process.once === "function") {
  process.once("SIGTERM", startDraining);
  process.once("SIGINT", startDraining);
}

/**
 * Bounds the batches being decoded and stored at once (CROWSNEST_INGEST_CONCURRENCY,
 * default 4; one at a time above 4 MiB), with a short queue behind them
 * (CROWSNEST_INGEST_QUEUE, default 64). Past that the server is overloaded
 * and says so with 503 + Retry-After instead of running out of memory.
 */
export async function withIngestSlot<T>(declaredBytes: number, fn: () => Promise<T>): Promise<T> {
  if (draining) throw new HttpError(503, "server is shutting down", undefined, { "retry-after": "5" });
  const large = declaredBytes > LARGE_BODY;
  const max = envInt("CROWSNEST_INGEST_CONCURRENCY", 4);
  const canRun = () => active < max && (!large || activeLarge === 0);
  if (!canRun()) {
    if (waiting.length >= envInt("CROWSNEST_INGEST_QUEUE", 64)) {
      throw new HttpError(503, "ingest overloaded, retry later", undefined, { "retry-after": "2" });
    }
    await new Promise<void>((resolve) => {
      const check = () => {
        if (canRun()) resolve();
        else waiting.push(check);
      };
      waiting.push(check);
    });
    if (draining) throw new HttpError(503, "server is shutting down", undefined, { "retry-after": "5" });
  }
  active++;
  if (large) activeLarge++;
  try {
    return await fn();
  } finally {
    active--;
    if (large) activeLarge--;
    const next = waiting.splice(0);
    for (const w of next) w();
  }
}

export function ingestLoad(): { active: number; waiting: number; draining: boolean } {
  return { active, waiting: waiting.length, draining };
}
