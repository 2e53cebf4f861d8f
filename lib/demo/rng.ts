/**
 * Seeded randomness and the timestamp formats the demo records are written in.
 * Everything in the demo draws from an Rng so one seed always yields the same
 * estate and the same logs (tests and screenshots rely on that).
 */

const HEX = "0123456789abcdef";
/** All 65,536 four-digit hex strings: ids and trace ids are built from table lookups, not toString/padStart. */
const HEX4: string[] = Array.from({ length: 65536 }, (_, i) => i.toString(16).padStart(4, "0"));
const HEX3: string[] = Array.from({ length: 4096 }, (_, i) => i.toString(16).padStart(3, "0"));
/** Kubernetes' name-suffix alphabet (no vowels, no ambiguous chars), as in `checkout-7d9f8b6c5-x2k4q`. */
export const K8S_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** mulberry32: tiny, fast and good enough for synthetic data; a class so V8 keeps the state monomorphic. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** integer in [0, n) */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** integer in [lo, hi] */
  range(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** n lowercase hex digits, 8 per draw (container ids, trace ids, request ids). */
  hex(n: number): string {
    let out = "";
    for (let i = 0; i < n; i += 8) {
      const x = (this.next() * 4294967296) >>> 0;
      out += HEX4[x >>> 16] + HEX4[x & 0xffff];
    }
    return out.length === n ? out : out.slice(0, n);
  }
  /** RFC 4122 version-4 shaped uuid (auditID, object uids); four draws, table lookups only. */
  uuid(): string {
    const a = (this.next() * 4294967296) >>> 0;
    const b = (this.next() * 4294967296) >>> 0;
    const c = (this.next() * 4294967296) >>> 0;
    const d = (this.next() * 4294967296) >>> 0;
    return flat(`${HEX4[a >>> 16]}${HEX4[a & 0xffff]}-${HEX4[b >>> 16]}-4${HEX3[b & 0xfff]}-${HEX[8 + (c >>> 30)]}${HEX3[(c >>> 16) & 0xfff]}-${HEX4[c & 0xffff]}${HEX4[d >>> 16]}${HEX4[d & 0xffff]}`);
  }
  chars(n: number, alphabet = K8S_ALPHABET): string {
    let out = "";
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }
  /** a fresh, independently seeded stream (so adding draws in one place does not shift another). */
  fork(salt: number): Rng {
    return new Rng((this.next() * 4294967296) ^ Math.imul(salt, 0x9e3779b1));
  }
}

/** Precomputed cumulative weights → picker; linear scan is fastest for the short tables used here. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const items = entries.map((e) => e[0]);
  const cum: number[] = [];
  let total = 0;
  for (const [, w] of entries) cum.push((total += w));
  return (rng) => {
    const x = rng.next() * total;
    for (let i = 0; i < cum.length; i++) if (x < cum[i]) return items[i];
    return items[items.length - 1];
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number) => (n < 10 ? "0" + n : "" + n);
const p3 = (n: number) => (n < 10 ? "00" + n : n < 100 ? "0" + n : "" + n);

/**
 * Sub-millisecond digits for a record. Real shippers write µs/ns timestamps;
 * they also make two records of the same millisecond hash differently, so the
 * ingest deduplication (ts + content hash) never drops a demo event.
 */
export function isoMicro(ms: number, sub: number): string {
  return flat(isoSecond(ms) + "." + p3(ms - Math.floor(ms / 1000) * 1000) + p3(sub % 1000) + "Z");
}
export function isoNano(ms: number, sub: number): string {
  return flat(isoSecond(ms) + "." + p3(ms - Math.floor(ms / 1000) * 1000) + p3(sub % 1000) + p3((sub * 7) % 1000) + "Z");
}
/**
 * Joins a string built from many pieces into one flat string (ToNumber
 * flattens it in place). Template literals build ropes of small nodes; a batch
 * holds thousands of them until it is stored, and the young-generation GC
 * copies every node of every surviving rope, so flat strings make a batch
 * ~25% lighter to carry.
 */
export function flat(s: string): string {
  void ((s as unknown as number) | 0);
  return s;
}
// Events come in ascending time, ~10 per second at 1M/day, so a small cache of
// seconds saves most toISOString calls. Two slots, because an audit record
// stamps both its receive time and its completion time.
const cacheSec = [NaN, NaN];
const cacheText = ["", ""];
let cacheNext = 0;
/** `2024-05-01T12:00:00` of the second containing `ms` */
export function isoSecond(ms: number): string {
  const sec = Math.floor(ms / 1000);
  if (sec === cacheSec[0]) return cacheText[0];
  if (sec === cacheSec[1]) return cacheText[1];
  const i = cacheNext;
  cacheNext ^= 1;
  cacheSec[i] = sec;
  return (cacheText[i] = new Date(sec * 1000).toISOString().slice(0, 19));
}
/** klog header time: `0501 12:00:00.123456` */
export function klogTime(d: Date, sub: number): string {
  return `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())}${p3(sub % 1000)}`;
}
/** nginx $time_local: `01/May/2024:12:00:00 +0000` */
export function nginxTime(d: Date): string {
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}
/** redis: `01 May 2024 12:00:00.123` */
export function redisTime(d: Date): string {
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())}`;
}
/** `2024-05-01 12:00:00.123` (postgres, fluent-bit) */
export function plainTime(d: Date): string {
  return d.toISOString().slice(0, 23).replace("T", " ");
}
/** Falco's output prefix: `12:00:00.123456789` */
export function clockNano(d: Date, sub: number): string {
  return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())}${p3(sub % 1000)}${p3((sub * 7) % 1000)}`;
}
