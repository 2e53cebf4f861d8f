import http from "node:http";
import https from "node:https";
import type { LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { refusal, systemResolver, UnsafeUrlError, validateWebhookUrl, type Resolver } from "./ssrf";

export const SEND_TIMEOUT_MS = 5_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

/** `refused`: the destination is not allowed (SSRF guard); retrying cannot help. */
export type SendResult = { ok: boolean; statusCode: number | null; error: string | null; refused?: boolean };

/**
 * The socket's own name lookup, checked: whatever the name resolves to at
 * connect time is what gets judged, so a DNS answer that changes between
 * validation and connection (rebinding) cannot reach a refused address.
 */
function guardedLookup(allowPrivate: boolean, resolve: Resolver): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname).then(
      (addrs) => {
        for (const a of addrs) {
          const why = refusal(a.address, allowPrivate);
          if (why) return callback(new UnsafeUrlError(`${hostname} resolves to ${why}`), "");
        }
        if (addrs.length === 0) return callback(new Error(`cannot resolve ${hostname}`), "");
        if (options?.all) callback(null, addrs);
        else callback(null, addrs[0].address, addrs[0].family);
      },
      (err: Error) => callback(err, ""),
    );
  }) as unknown as LookupFunction;
}

/**
 * POSTs JSON once: validated URL, checked connection, 5 s for the whole
 * exchange, redirects never followed (a 3xx is reported, its Location
 * ignored: it could point anywhere, loopback included).
 */
export async function postJsonOnce(rawUrl: string, body: unknown, opts: { allowPrivate: boolean; resolve?: Resolver; timeoutMs?: number }): Promise<SendResult> {
  const resolve = opts.resolve ?? systemResolver;
  let url: URL;
  try {
    ({ url } = await validateWebhookUrl(rawUrl, { allowPrivate: opts.allowPrivate, resolve }));
  } catch (err) {
    return { ok: false, statusCode: null, error: (err as Error).message, refused: true };
  }
  const payload = Buffer.from(JSON.stringify(body));
  const mod = url.protocol === "https:" ? https : http;
  return new Promise<SendResult>((done) => {
    let settled = false;
    const finish = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(r);
    };
    const req = mod.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: guardedLookup(opts.allowPrivate, resolve),
        headers: { "content-type": "application/json", "content-length": String(payload.length), "user-agent": "Crowsnest-Webhook/1" },
      },
      (res) => {
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) res.destroy();
        });
        const status = res.statusCode ?? 0;
        const report = () => {
          if (status >= 300 && status < 400) finish({ ok: false, statusCode: status, error: "redirect not followed" });
          else finish({ ok: status >= 200 && status < 300, statusCode: status, error: status >= 200 && status < 300 ? null : `HTTP ${status}` });
        };
        res.on("end", report);
        res.on("close", report);
        res.on("error", report);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${opts.timeoutMs ?? SEND_TIMEOUT_MS} ms`));
    }, opts.timeoutMs ?? SEND_TIMEOUT_MS);
    req.on("error", (err) => finish({ ok: false, statusCode: null, error: err.message, ...(err instanceof UnsafeUrlError ? { refused: true } : {}) }));
    req.end(payload);
  });
}

/** Whether a failed attempt is worth one more try: the network or the receiver hiccuped, not a refusal. */
export function retryable(r: SendResult): boolean {
  if (r.ok || r.refused) return false;
  if (r.statusCode === null) return true;
  return r.statusCode >= 500 || r.statusCode === 429;
}
