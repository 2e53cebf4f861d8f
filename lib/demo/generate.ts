/**
 * The demo stream: background traffic of all five layers with the attack
 * stories merged in at their times, oldest first, in batches — so ten million
 * events stream through with only one batch in memory.
 */
import type { NormalizedEvent } from "@/lib/events/types";
import { backgroundAudit } from "./audit-background";
import { backgroundFalco } from "./falco";
import { backgroundContainer, backgroundKubeEvent } from "./layers";
import { backgroundNode } from "./node";
import { Rng, weighted } from "./rng";
import { buildStories } from "./stories";
import { buildEstate, type Estate } from "./topology";

export type DemoOptions = {
  /** exact number of events produced */
  events: number;
  /** end of the window (default: the current time) */
  now?: Date;
  seed?: number;
  /** window length, default 24 h */
  windowMs?: number;
  /** events per yielded batch, default 5,000 */
  batchSize?: number;
};

export const DAY_MS = 24 * 3_600_000;
/** The most `npm run demo` accepts; the generator itself has no limit. */
export const MAX_DEMO_EVENTS = 10_000_000;
/** Below this many events the stories (a few hundred records) would crowd out the background, so they are left out. */
export const STORY_MIN_EVENTS = 2_000;

type Layer = (rng: Rng, ms: number, sub: number, estate: Estate) => NormalizedEvent;
/** Layer mix of a typical Kubernetes estate's log volume. */
const pickLayer = weighted<Layer>([[backgroundContainer, 55], [backgroundAudit, 25], [backgroundKubeEvent, 10], [backgroundNode, 8], [backgroundFalco, 2]]);

const BINS = 720;

/**
 * Cumulative share of events per time bin: busier toward `now` (3× from the
 * oldest to the newest bin), a day/night cycle peaking mid-afternoon UTC, and
 * some bin-to-bin jitter so the histogram does not look drawn with a ruler.
 */
function timeProfile(rng: Rng, start: number, windowMs: number): Float64Array {
  const cum = new Float64Array(BINS);
  let total = 0;
  for (let b = 0; b < BINS; b++) {
    const t = (b + 0.5) / BINS;
    const hour = new Date(start + t * windowMs).getUTCHours() + new Date(start + t * windowMs).getUTCMinutes() / 60;
    const diurnal = 1 + 0.35 * Math.sin((2 * Math.PI * (hour - 8)) / 24);
    total += (0.5 + t) * diurnal * (0.85 + 0.3 * rng.next());
    cum[b] = total;
  }
  for (let b = 0; b < BINS; b++) cum[b] /= total;
  cum[BINS - 1] = 1;
  return cum;
}

export function* generateDemo(opts: DemoOptions): Generator<NormalizedEvent[]> {
  const total = Math.floor(opts.events);
  if (!Number.isFinite(total) || total < 0) throw new Error(`events must be a non-negative number, got ${opts.events}`);
  const now = (opts.now ?? new Date()).getTime();
  const windowMs = opts.windowMs ?? DAY_MS;
  if (!(windowMs > 0)) throw new Error(`windowMs must be positive, got ${windowMs}`);
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 5_000));
  const seed = (opts.seed ?? 1) >>> 0;
  const start = now - windowMs;

  const estate = buildEstate(seed);
  const rng = new Rng(seed);
  const cum = timeProfile(rng.fork(1), start, windowMs);
  const stories = total >= STORY_MIN_EVENTS ? buildStories(estate, seed, start, now) : [];
  const background = total - stories.length;
  const binMs = windowMs / BINS;

  // Batches are filled by index into arrays of their final size: no regrowth copies.
  let batch: NormalizedEvent[] = new Array(Math.min(batchSize, total));
  let fill = 0;
  let left = total;
  const next = () => {
    left -= batchSize;
    batch = new Array(Math.max(0, Math.min(batchSize, left)));
    fill = 0;
  };
  let si = 0;
  let bin = 0;
  for (let i = 0; i < background; i++) {
    // Evenly spaced quantiles with jitter, mapped through the profile: timestamps come out
    // ascending, so stories merge in by a single pointer and partitions fill in order.
    const u = (i + rng.next()) / background;
    while (cum[bin] < u && bin < BINS - 1) bin++;
    const lo = bin === 0 ? 0 : cum[bin - 1];
    const frac = (u - lo) / (cum[bin] - lo || 1);
    const ms = Math.min(now - 1, Math.floor(start + (bin + Math.min(frac, 1)) * binMs));
    while (si < stories.length && stories[si].ts.getTime() <= ms) {
      batch[fill++] = stories[si++];
      if (fill === batch.length) {
        yield batch;
        next();
      }
    }
    batch[fill++] = pickLayer(rng)(rng, ms, rng.int(1000), estate);
    if (fill === batch.length) {
      yield batch;
      next();
    }
  }
  while (si < stories.length) {
    batch[fill++] = stories[si++];
    if (fill === batch.length) {
      yield batch;
      next();
    }
  }
}
