import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDb, resetDb, closeAppDb } from "../setup/db";
import { startRouteServer } from "../setup/route-server";
import { createIngestToken } from "../../lib/auth/tokens";
import { freePort } from "../../lib/embedded-pg";

// A real shipper: syslog-ng (Debian's syslog-ng-core + syslog-ng-mod-http,
// installed by .ci/run) forwards RFC 5424 node logs to /api/v1/ingest/logs.
const hasSyslogNg = spawnSync("syslog-ng", ["--version"]).status === 0;
if (!hasSyslogNg) console.warn("[syslog-ng] not installed (apt-get install syslog-ng-core syslog-ng-mod-http); skipping the real-shipper test");

describe.skipIf(!hasSyslogNg)("syslog-ng http() → /api/v1/ingest/logs", () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  const db = testDb();
  let dir = "";
  let proc: ChildProcess;
  let close: () => Promise<void>;
  let port = 0;

  beforeAll(async () => {
    await resetDb(db);
    const logs = await import("../../app/api/v1/ingest/logs/route");
    const s = await startRouteServer({ "/api/v1/ingest/logs": { POST: logs.POST } });
    close = s.close;
    const { token } = await createIngestToken(db, { cluster: "syslog-test" });
    dir = await mkdtemp(join(tmpdir(), "crowsnest-syslog-ng-"));
    port = await freePort();
    await writeFile(join(dir, "test.conf"), `@version: 3.38
options { stats_freq(0); time_reopen(1); keep_hostname(yes); };
source s_net { network(transport("tcp") ip("127.0.0.1") port(${port}) flags(syslog-protocol)); };
destination d_crowsnest {
  http(url("${s.url}/api/v1/ingest/logs") method("POST")
       headers("Content-Type: application/x-ndjson", "Authorization: Bearer ${token}")
       body("$(format-json --scope rfc5424 --scope nv-pairs --exclude DATE --key ISODATE)")
       batch-lines(10) batch-timeout(200) retries(5));
};
log { source(s_net); destination(d_crowsnest); };
`);
    proc = spawn("syslog-ng", ["-F", "-f", join(dir, "test.conf"), "-R", join(dir, "persist"), "-p", join(dir, "pid"), "-c", join(dir, "ctl")], { stdio: "pipe" });
    let ready = false;
    for (let i = 0; i < 50 && !ready; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ready = await new Promise<boolean>((r) => {
        const probe = connect(port, "127.0.0.1");
        probe.once("connect", () => {
          probe.end();
          r(true);
        });
        probe.once("error", () => r(false));
      });
    }
    expect(ready).toBe(true);
  });
  afterAll(async () => {
    proc?.kill("SIGTERM");
    await close?.();
    await closeAppDb();
    await db.pool.end();
    await rm(dir, { recursive: true, force: true });
  });

  it("delivers node logs with host, program, severity and sshd details", async () => {
    const now = Date.now();
    const lines = Array.from({ length: 12 }, (_, i) => {
      const ts = new Date(now - (12 - i) * 1000).toISOString();
      return i % 3 === 0
        ? `<34>1 ${ts} node-a.example sshd 4242 - - Failed password for root from 203.0.113.9 port 5${i}22 ssh2`
        : `<30>1 ${ts} node-a.example kubelet 999 - - Successfully probed container ${i}`;
    });
    await new Promise<void>((resolve, reject) => {
      const sock = connect(port, "127.0.0.1", () => sock.end(lines.join("\n") + "\n", () => resolve()));
      sock.once("error", reject);
    });
    let rows: { node: string; severity: string; message: string; layer: string; source_ip: string | null }[] = [];
    for (let i = 0; i < 100 && rows.length < 12; i++) {
      await new Promise((r) => setTimeout(r, 100));
      rows = (await db.pool.query("SELECT node, severity, message, layer, host(source_ip) AS source_ip FROM events WHERE cluster = 'syslog-test' ORDER BY ts")).rows;
    }
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.layer))).toEqual(new Set(["node"]));
    expect(new Set(rows.map((r) => r.node))).toEqual(new Set(["node-a.example"]));
    const failed = rows.filter((r) => r.message.includes("Failed password"));
    expect(failed).toHaveLength(4);
    expect(failed.every((r) => r.severity === "critical")).toBe(true); // <34> = auth.crit
    expect(failed.every((r) => r.source_ip === "203.0.113.9")).toBe(true);
    expect(rows.filter((r) => r.message.includes("probed")).every((r) => r.severity === "info")).toBe(true);
  });
});
