/**
 * Container log lines in each program's own dialect (zap JSON, pino, nginx,
 * postgres, redis, CoreDNS, logfmt, klog …), since an analyst reads the raw
 * line. Each line carries something random (trace id, port, latency) the way
 * real traffic does. Levels: mostly info, a few percent warn, ~1–2 % error.
 */
import type { Severity } from "@/lib/events/types";
import { klogTime, nginxTime, plainTime, redisTime, type Rng, weighted } from "./rng";
import type { Container, LogKind } from "./topology";

export type Line = { line: string; severity: Severity; stream: "stdout" | "stderr" };
type Gen = (rng: Rng, ct: Container, d: Date, iso: string, sub: number) => Line;
const out = (line: string, severity: Severity = "info", stream: "stdout" | "stderr" = "stdout"): Line => ({ line, severity, stream });
const level = weighted<Severity>([["info", 93], ["warning", 5.5], ["error", 1.5]]);

type Msgs = { caller: string; info: string[]; warn: string[]; error: string[] };
const APP_MSGS: Record<string, Msgs> = {
  "payments-api": { caller: "api/payments.go", info: ["payment authorized", "payment captured", "payment intent created", "webhook received", "idempotency key replayed"], warn: ["card declined", "stripe latency above SLO", "retrying ledger write"], error: ["stripe API error: 502 Bad Gateway", "ledger write failed: pq: could not serialize access due to concurrent update", "fraud-score call failed: context deadline exceeded"] },
  "payments-worker": { caller: "worker/settlement.go", info: ["settlement batch processed", "payout scheduled", "reconciliation finished"], warn: ["settlement batch slow"], error: ["payout failed: insufficient balance on connected account"] },
  checkout: { caller: "checkout/order.go", info: ["order created", "cart priced", "shipping quote received", "order confirmed"], warn: ["inventory reservation retry", "coupon rejected"], error: ["payments-api unavailable: dial tcp 172.20.41.7:8080: connect: connection refused", "order state transition rejected"] },
  cart: { caller: "cart/store.go", info: ["cart loaded", "item added", "item removed", "cart merged after login"], warn: ["redis slow command"], error: ["redis: connection pool timeout"] },
  inventory: { caller: "inventory/stock.go", info: ["stock reserved", "stock released", "warehouse sync completed"], warn: ["stock level low"], error: ["warehouse API returned 503 Service Unavailable"] },
};

const goJson: Gen = (rng, ct, _d, iso, sub) => {
  const m = APP_MSGS[ct.name] ?? APP_MSGS.checkout;
  const sev = level(rng);
  const lvl = sev === "info" ? "info" : sev === "warning" ? "warn" : "error";
  const msg = rng.pick(sev === "info" ? m.info : sev === "warning" ? m.warn : m.error);
  const status = sev === "error" ? 500 : sev === "warning" ? 409 : 200;
  return out(`{"level":"${lvl}","ts":"${iso}","caller":"${m.caller}:${100 + (sub % 300)}","msg":"${msg}","trace_id":"${rng.hex(32)}","latency_ms":${rng.range(1, sev === "info" ? 80 : 2400)},"status":${status}}`, sev, sev === "error" ? "stderr" : "stdout");
};

const PAGES = ["/", "/products/wool-socks", "/products/trail-runner-2", "/cart", "/checkout", "/search?q=jacket", "/account/orders"];
const pino: Gen = (rng, ct, d) => {
  const sev = level(rng);
  const code = sev === "info" ? 200 : sev === "warning" ? 404 : 500;
  const lv = sev === "info" ? 30 : sev === "warning" ? 40 : 50;
  return out(`{"level":${lv},"time":${d.getTime()},"pid":1,"hostname":"${ct.pod.name}","req":{"id":${rng.range(1, 999999)},"method":"GET","url":"${rng.pick(PAGES)}"},"res":{"statusCode":${code}},"responseTime":${rng.range(3, 900)},"msg":"request completed"}`, sev);
};

/** Customers reach the edge from CGNAT space (100.64.0.0/10): realistic-looking and nobody's real address. */
const customer = (rng: Rng) => `100.${rng.range(64, 127)}.${rng.int(256)}.${rng.range(1, 254)}`;
const UAS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
  "okhttp/4.12.0",
];
const ROUTES = weighted<[string, string, string]>([
  [["GET", "/", "frontend-web-80"], 14], [["GET", "/products/trail-runner-2", "frontend-storefront-3000"], 20],
  [["GET", "/api/cart", "checkout-cart-8080"], 16], [["POST", "/api/cart/items", "checkout-cart-8080"], 8],
  [["POST", "/api/checkout", "checkout-checkout-8080"], 6], [["GET", "/api/inventory/SKU-4411", "inventory-inventory-8080"], 8],
  [["POST", "/api/payments/intent", "payments-payments-api-8080"], 4], [["GET", "/static/js/main.4f2a1c.js", "frontend-web-80"], 18],
  // The internet's background scanning, which every public ingress sees.
  [["GET", "/.env", "frontend-web-80"], 0.4], [["GET", "/wp-login.php", "frontend-web-80"], 0.3], [["GET", "/actuator/health", "frontend-web-80"], 0.2],
]);
const ingress: Gen = (rng, ct, d) => {
  const [method, path, upstream] = ROUTES(rng);
  const scan = path.startsWith("/.") || path.startsWith("/wp") || path.startsWith("/act");
  const x = rng.next();
  const code = scan ? 404 : x < 0.004 ? 502 : x < 0.006 ? 503 : x < 0.012 ? 499 : path.startsWith("/static") && x < 0.3 ? 304 : 200;
  const rt = (rng.range(1, code >= 500 ? 5000 : 250) / 1000).toFixed(3);
  const up = `${ct.pod.cluster === "prod-us-1" ? "10.1" : ct.pod.cluster === "staging" ? "10.2" : "10.0"}.${rng.range(1, 3)}.${rng.range(2, 254)}:${upstream.split("-").pop()}`;
  const line = `${customer(rng)} - - [${nginxTime(d)}] "${method} ${path} HTTP/2.0" ${code} ${rng.range(120, 48000)} "https://shop.corp.example/" "${rng.pick(UAS)}" ${rng.range(30, 900)} ${rt} [${upstream}] [] ${up} ${rng.range(120, 48000)} ${rt} ${code} ${rng.hex(32)}`;
  return out(line, code >= 500 ? "error" : "info");
};
const nginx: Gen = (rng, ct, d, _iso, sub) => {
  if (rng.chance(0.015)) {
    const when = plainTime(d).slice(0, 19).replaceAll("-", "/");
    return out(`${when} [error] 29#29: *${sub * 97 + rng.int(97)} open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 10.0.${rng.range(1, 3)}.${rng.range(2, 254)}, server: localhost, request: "GET /favicon.ico HTTP/1.1"`, "error", "stderr");
  }
  const code = rng.chance(0.2) ? 304 : 200;
  return out(`10.0.${rng.range(1, 3)}.${rng.range(2, 254)} - - [${nginxTime(d)}] "GET /static/js/main.4f2a1c.js HTTP/1.1" ${code} ${code === 304 ? 0 : 48213} "https://shop.corp.example/" "${rng.pick(UAS)}" "${customer(rng)}"`);
};

const postgres: Gen = (rng, _ct, d) => {
  const t = `${plainTime(d)} UTC [${rng.range(100, 9999)}]`;
  const x = rng.next();
  if (x < 0.4) return out(`${t} LOG:  connection authorized: user=ledger database=ledger application_name=payments-api`);
  if (x < 0.75) return out(`${t} LOG:  connection received: host=10.0.${rng.range(1, 3)}.${rng.range(2, 254)} port=${rng.range(32768, 60999)}`);
  if (x < 0.9) return out(`${t} LOG:  checkpoint complete: wrote ${rng.range(10, 900)} buffers (${rng.range(1, 9)}.${rng.int(10)}%); 0 WAL file(s) added, 0 removed, 1 recycled; write=${rng.range(1, 29)}.${rng.int(999)} s`);
  if (x < 0.97) return out(`${t} LOG:  duration: ${rng.range(1000, 9000)}.${rng.int(999)} ms  statement: SELECT * FROM ledger_entries WHERE account_id = $1 ORDER BY created_at DESC`, "warning");
  return out(`${t} ERROR:  duplicate key value violates unique constraint "payments_idempotency_key_key"`, "error", "stderr");
};
const REDIS = ["100 changes in 300 seconds. Saving...", "Background saving started by pid PID", "DB saved on disk", "Background saving terminated with success", "Fork CoW for RDB: current 2 MB, peak 2 MB, average 1 MB"];
const redis: Gen = (rng, _ct, d) =>
  rng.chance(0.01) ? out(`1:M ${redisTime(d)} # WARNING: 32 clients disconnected: client output buffer limit reached`, "warning") : out(`1:M ${redisTime(d)} * ${rng.pick(REDIS).replace("PID", String(rng.range(20, 9999)))}`);

const DNS = ["payments-api.payments.svc.cluster.local.", "redis-0.redis.checkout.svc.cluster.local.", "ledger-db.payments.svc.cluster.local.", "api.stripe.com.", "sts.amazonaws.com.", "inventory.inventory.svc.cluster.local."];
const coredns: Gen = (rng, ct) => {
  const src = `${ct.pod.ip.split(".").slice(0, 2).join(".")}.${rng.range(1, 3)}.${rng.range(2, 254)}:${rng.range(32768, 60999)}`;
  if (rng.chance(0.003)) return out(`[ERROR] plugin/errors: 2 api.stripe.com. A: read udp ${ct.pod.ip}:${rng.range(32768, 60999)}->10.0.0.2:53: i/o timeout`, "error");
  const name = rng.pick(DNS);
  // Search-path expansion makes most lookups NXDOMAIN before the real answer.
  const nx = rng.chance(0.45);
  const q = nx ? name.replace(/\.$/, ".svc.cluster.local.") : name;
  return out(`[INFO] ${src} - ${rng.range(1, 65535)} "${rng.chance(0.7) ? "A" : "AAAA"} IN ${q} udp ${rng.range(50, 90)} false 1232" ${nx ? "NXDOMAIN" : "NOERROR"} qr,aa,rd ${rng.range(100, 250)} 0.000${rng.range(100, 999)}s`);
};

const prom: Gen = (rng, ct, d, iso) => {
  const x = rng.next();
  if (ct.name === "alertmanager") return out(`ts=${iso} caller=dispatch.go:353 level=info component=dispatcher msg="Notify success" receiver=slack-platform integration=slack[0] attempts=1`);
  if (x < 0.05) return out(`ts=${iso} caller=scrape.go:1754 level=warn component="scrape manager" scrape_pool=serviceMonitor/payments/payments-api/0 target=http://10.0.2.${rng.range(2, 254)}:9090/metrics msg="Error on ingesting out-of-order samples" num_dropped=${rng.range(1, 40)}`, "warning");
  if (x < 0.5) return out(`ts=${iso} caller=head.go:1298 level=info component=tsdb msg="Head GC completed" caller=truncateMemory duration=${rng.range(5, 900)}.${rng.int(999)}ms`);
  // TSDB cuts two-hour blocks; the one just written ended at the last even hour.
  const maxt = Math.floor(d.getTime() / 7_200_000) * 7_200_000;
  return out(`ts=${iso} caller=compact.go:580 level=info component=tsdb msg="write block" mint=${maxt - 7_200_000} maxt=${maxt} ulid=01HX${rng.chars(22, "0123456789ABCDEFGHJKMNPQRSTVWXYZ")} duration=${rng.range(100, 3000)}ms`);
};
const grafana: Gen = (rng, _ct, _d, iso) =>
  out(`logger=context userId=${rng.range(1, 9)} orgId=1 uname=${rng.pick(["alice", "carol", "bob"])} t=${iso} level=info msg="Request Completed" method=GET path=/api/dashboards/uid/k8s-overview status=200 remote_addr=198.51.100.${rng.pick([23, 41, 57])} time_ms=${rng.range(5, 400)} duration=${rng.range(5, 400)}.${rng.int(999)}ms size=${rng.range(1000, 90000)} referer= handler=/api/dashboards/uid/:uid`);
const fluentBit: Gen = (rng, ct, d) => {
  const t = `[${plainTime(d).slice(0, 19).replaceAll("-", "/")}]`;
  if (rng.chance(0.06)) return out(`${t} [ warn] [engine] failed to flush chunk '1-${Math.floor(d.getTime() / 1000)}.${rng.range(100000, 999999)}.flb', retry in ${rng.range(6, 60)} seconds: task_id=${rng.range(0, 9)}, input=tail.0 > output=http.0 (out_id=0)`, "warning", "stderr");
  return out(`${t} [ info] [input:tail:tail.0] inotify_fs_add(): inode=${rng.range(100000, 9999999)} watch_fd=${rng.range(10, 99)} name=/var/log/containers/${ct.pod.name}_${ct.pod.namespace}_${ct.name}-${ct.id}.log`, "info", "stderr");
};
const falcoLog: Gen = (rng, _ct, d) =>
  rng.chance(0.3) ? out(`${d.toUTCString()}: Falco internal: syscall event drop. ${rng.range(1, 900)} system calls dropped in last second.`, "warning", "stderr") : out(`${d.toUTCString()}: Loaded event sources: syscall`, "info", "stderr");

const argocd: Gen = (rng, ct, _d, iso) => {
  const t = `time="${iso.slice(0, 19)}Z"`;
  if (rng.chance(0.01)) return out(`${t} level=error msg="ComparisonError: Failed to load target state: failed to generate manifest for source 1 of 1: rpc error: code = Unknown desc = authentication required" application=argocd/checkout`, "error");
  if (ct.name === "argocd-repo-server") return out(`${t} level=info msg="git fetch origin --tags --force --prune" dir=/tmp/_argocd-repo/${rng.uuid()} execID=${rng.hex(5)} time_ms=${rng.range(200, 3000)}`);
  if (ct.name === "argocd-server") return out(`${t} level=info msg="finished unary call with code OK" grpc.code=OK grpc.method=List grpc.service=application.ApplicationService grpc.start_time="${iso.slice(0, 19)}Z" grpc.time_ms=${rng.range(2, 90)}.${rng.int(999)} span.kind=server system=grpc`);
  const app = rng.pick(["checkout", "payments", "frontend", "inventory"]);
  return out(`${t} level=info msg="Reconciliation completed" application=argocd/${app} dest-namespace=${app} dest-server="https://kubernetes.default.svc" git_ms=${rng.range(0, 90)} health_ms=${rng.range(0, 9)} live_ms=${rng.range(0, 9)} time_ms=${rng.range(20, 900)}`);
};
const COMMON_KLOG = [
  ["reflector.go:351", "Caches populated for *v1.Pod from k8s.io/client-go/informers/factory.go:159"],
  ["leaderelection.go:260", "successfully renewed lease kube-system/LEASE"],
] as const;
/** What each klog-speaking component says most; anything else falls back to client-go chatter. */
const OWN_KLOG: Record<string, readonly (readonly [string, string])[]> = {
  "kube-proxy": [["proxier.go:796", '"SyncProxyRules complete" elapsed="EL.123ms"']],
  "cert-manager-controller": [["conditions.go:192", 'Found status change for Certificate "shop-tls" condition "Ready": "True" -> "True"']],
  "metrics-server": [["scraper.go:172", '"Scrape finished" duration="EL.4ms"']],
};
const klog: Gen = (rng, ct, d, _iso, sub) => {
  const t = klogTime(d, sub);
  if (rng.chance(0.03)) {
    return ct.name === "metrics-server"
      ? out(`E${t}       1 scraper.go:149] "Failed to scrape node" err="Get \\"https://${ct.pod.node.ip}:10250/metrics/resource\\": context deadline exceeded" node="${ct.pod.node.name}"`, "error", "stderr")
      : out(`E${t}       1 leaderelection.go:332] error retrieving resource lock kube-system/${ct.name}: Get "https://172.20.0.1:443/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/${ct.name}": context deadline exceeded`, "error", "stderr");
  }
  const own = OWN_KLOG[ct.name];
  const [file, msg] = own && rng.chance(0.7) ? rng.pick(own) : rng.pick(COMMON_KLOG);
  return out(`I${t}       1 ${file}] ${msg.replace("EL", String(rng.range(5, 120))).replace("LEASE", ct.name)}`, "info", "stderr");
};
const awsNode: Gen = (rng, _ct, _d, iso) =>
  out(`{"level":"info","ts":"${iso}","caller":"ipamd/ipamd.go:${rng.range(600, 1500)}","msg":"IP pool stats: Total IPs/Prefixes = 28/0, AssignedIPs/CooldownIPs: ${rng.range(4, 27)}/0, c.maxIPsPerENI = 14"}`);
const linkerd: Gen = (rng, ct, d) =>
  rng.chance(0.1)
    ? out(`[${(d.getTime() / 1000 % 900000).toFixed(6)}s]  WARN ThreadId(01) outbound:proxy{addr=172.20.${rng.range(1, 250)}.${rng.range(1, 250)}:8080}: linkerd_reconnect: Failed to connect error=connect timed out after 1s`, "warning")
    : out(`[${(d.getTime() / 1000 % 900000).toFixed(6)}s]  INFO ThreadId(01) inbound:server{port=8080}: linkerd_app_core::serve: Connection closed error=connection closed before message completed client.addr=${ct.pod.ip.slice(0, ct.pod.ip.indexOf(".", 3))}.${rng.range(1, 3)}.${rng.range(2, 254)}:${rng.range(32768, 60999)}`);

const GENS: Record<LogKind, Gen> = {
  "go-json": goJson, pino, ingress, nginx, postgres, redis, coredns, prom, grafana, "fluent-bit": fluentBit, falco: falcoLog, argocd, klog, "aws-node": awsNode, linkerd,
};

export function logLine(rng: Rng, ct: Container, d: Date, iso: string, sub: number): Line {
  return GENS[ct.log](rng, ct, d, iso, sub);
}
