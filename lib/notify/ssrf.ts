import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * Webhook destinations are typed by admins but fetched by the server, so a
 * URL must not reach the server's own network: loopback, link-local, private
 * ranges and cloud metadata endpoints are refused unless an admin sets
 * allowPrivate on the target (a receiver inside the cluster). Metadata
 * endpoints stay refused even then: no webhook lives there, and credentials do.
 */
export class UnsafeUrlError extends Error {}

export type AddressClass = "metadata" | "loopback" | "link-local" | "private" | "unspecified" | "multicast" | "reserved";

function list(entries: [string, number][]): BlockList {
  const b = new BlockList();
  for (const [net, prefix] of entries) b.addSubnet(net, prefix, isIP(net) === 6 ? "ipv6" : "ipv4");
  return b;
}

// Checked in this order; the first match names the reason.
const CLASSES: [AddressClass, BlockList][] = [
  ["metadata", list([["169.254.169.254", 32], ["169.254.170.2", 32], ["100.100.100.200", 32], ["fd00:ec2::254", 128]])],
  ["loopback", list([["127.0.0.0", 8], ["::1", 128]])],
  ["unspecified", list([["0.0.0.0", 8], ["::", 128]])],
  ["link-local", list([["169.254.0.0", 16], ["fe80::", 10]])],
  ["private", list([["10.0.0.0", 8], ["172.16.0.0", 12], ["192.168.0.0", 16], ["100.64.0.0", 10], ["fc00::", 7], ["fec0::", 10]])],
  ["multicast", list([["224.0.0.0", 4], ["ff00::", 8]])],
  ["reserved", list([["240.0.0.0", 4], ["192.0.0.0", 24], ["198.18.0.0", 15]])],
];

/** The eight 16-bit groups of an IPv6 address (with an embedded dotted quad, if any). */
function ipv6Groups(addr: string): number[] | null {
  let s = addr.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const dotted = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const o = dotted[1].split(".").map(Number);
    s = s.slice(0, -dotted[1].length) + `${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const [head, tail] = s.split("::");
  const h = head ? head.split(":") : [];
  const t = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const fill = s.includes("::") ? 8 - h.length - t.length : 0;
  const groups = [...h, ...Array(fill).fill("0"), ...t].map((g) => parseInt(g, 16));
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

/** IPv4 addresses carried inside IPv6 ones (mapped, compatible, NAT64, 6to4) are judged as IPv4. */
function embeddedIpv4(addr: string): string | null {
  const g = ipv6Groups(addr);
  if (!g) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0) && (g[6] !== 0 || g[7] > 1)) return v4(g[6], g[7]); // ::ffff:a.b.c.d, ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6], g[7]); // 64:ff9b::/96
  if (g[0] === 0x2002) return v4(g[1], g[2]); // 2002:AABB:CCDD::/48
  return null;
}

/** Why an address must not be contacted, or null for a public address. */
export function classifyAddress(address: string): AddressClass | null {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 0) return "reserved";
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return classifyAddress(v4);
  }
  const type = family === 6 ? "ipv6" : "ipv4";
  for (const [cls, bl] of CLASSES) if (bl.check(bare, type)) return cls;
  return null;
}

export function refusal(address: string, allowPrivate: boolean): string | null {
  const cls = classifyAddress(address);
  if (!cls || (allowPrivate && cls !== "metadata")) return null;
  return `${address} is a ${cls} address${cls === "metadata" ? "" : " (allow private networks on the target to use it)"}`;
}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) => dnsLookup(host, { all: true, verbatim: true }, (err, addrs) => (err ? reject(err) : resolve(addrs))));

/**
 * Checks a webhook URL: http or https, no credentials in it, and every
 * address its host resolves to is allowed. Throws UnsafeUrlError with the
 * reason. (Send time checks again, on the address actually connected to.)
 */
export async function validateWebhookUrl(raw: string, opts: { allowPrivate: boolean; resolve?: Resolver }): Promise<{ url: URL; addresses: string[] }> {
  if (raw.length > 2048) throw new UnsafeUrlError("URL is too long");
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UnsafeUrlError("only http and https URLs are allowed");
  if (url.username || url.password) throw new UnsafeUrlError("credentials in the URL are not allowed");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) throw new UnsafeUrlError("the URL has no host");
  if (isIP(host)) {
    const why = refusal(host, opts.allowPrivate);
    if (why) throw new UnsafeUrlError(why);
    return { url, addresses: [host] };
  }
  const lower = host.toLowerCase().replace(/\.$/, "");
  if (!opts.allowPrivate && (lower === "localhost" || lower.endsWith(".localhost"))) throw new UnsafeUrlError(`${host} is a loopback name`);
  let addrs: LookupAddress[];
  try {
    addrs = await (opts.resolve ?? systemResolver)(host);
  } catch (err) {
    throw new UnsafeUrlError(`cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (addrs.length === 0) throw new UnsafeUrlError(`cannot resolve ${host}`);
  for (const a of addrs) {
    const why = refusal(a.address, opts.allowPrivate);
    if (why) throw new UnsafeUrlError(`${host} resolves to ${why}`);
  }
  return { url, addresses: addrs.map((a) => a.address) };
}
