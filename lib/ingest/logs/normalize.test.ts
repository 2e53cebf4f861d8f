import { describe, expect, it } from "vitest";
import { lineSeverity } from "./level";
import { normalizeLogsBody, normalizeLogRecord } from "./normalize";
import { parseSyslogLine } from "./syslog";

const CLUSTER = "prod-eu-1";
const now = Date.now();
const sec = now / 1000;
const iso = (offsetMs = 0) => new Date(now + offsetMs).toISOString();
const nanos = (offsetMs = 0) => iso(offsetMs).replace("Z", "417123Z");
const run = (body: string, contentType = "application/json") => normalizeLogsBody(Buffer.from(body), { cluster: CLUSTER, contentType });
type Rec = Record<string, unknown>;

const NODE = "ip-10-0-1-23.eu-west-1.compute.internal";
/** A record as Fluent Bit's kubernetes filter leaves it (CRI parser) and the http output sends it (format json). */
function fluentBit(log: string, over: Rec = {}): Rec {
  return {
    date: sec, time: nanos(), stream: "stdout", _p: "F", log,
    kubernetes: {
      pod_name: "checkout-7d9f8b6c5-x2k4q", namespace_name: "checkout", pod_id: "0b7c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3",
      labels: { app: "checkout", "pod-template-hash": "7d9f8b6c5" }, host: NODE, container_name: "checkout",
      docker_id: "4f1c0e9d8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e", container_hash: "ghcr.io/corp-example/checkout@sha256:9f8e",
      container_image: "ghcr.io/corp-example/checkout:2.7.3",
    },
    ...over,
  };
}
/** An event from Vector's kubernetes_logs source, as its http sink sends it. */
function vector(message: string, over: Rec = {}): Rec {
  return {
    file: "/var/log/pods/payments_payments-api-6b8c9d7f5-m4n5p_1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d/payments-api/0.log",
    host: "vector-agent-zx8q2", message, source_type: "kubernetes_logs", stream: "stderr", timestamp: nanos(-10),
    kubernetes: {
      container_id: "containerd://9a8b7c6d", container_image: "ghcr.io/corp-example/payments-api:1.42.0", container_name: "payments-api",
      pod_labels: { app: "payments-api", "pod-template-hash": "6b8c9d7f5" }, pod_name: "payments-api-6b8c9d7f5-m4n5p",
      pod_namespace: "payments", pod_node_name: NODE, pod_owner: "ReplicaSet/payments-api-6b8c9d7f5", pod_uid: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    },
    ...over,
  };
}
/** A journald entry as Fluent Bit's systemd input emits it. */
function journal(over: Rec = {}): Rec {
  return {
    date: sec, _HOSTNAME: NODE, _SYSTEMD_UNIT: "sshd.service", SYSLOG_IDENTIFIER: "sshd", _PID: "40211", PRIORITY: "6", SYSLOG_FACILITY: "10",
    _TRANSPORT: "syslog", _SOURCE_REALTIME_TIMESTAMP: String(now * 1000 + 417), MESSAGE: "Accepted publickey for ec2-user from 10.0.0.10 port 51122 ssh2: ED25519 SHA256:Xb3k",
    ...over,
  };
}

describe("container records", () => {
  it("maps a Fluent Bit record (format json) and keeps it verbatim", () => {
    const raw = fluentBit('{"level":"info","ts":"x","msg":"order created"}\n');
    const out = run(JSON.stringify([raw]));
    expect(out.rejected).toEqual([]);
    const e = out.events[0];
    expect(e).toMatchObject({
      cluster: CLUSTER, layer: "container", source: "fluent-bit", severity: "info", node: NODE, namespace: "checkout",
      pod: "checkout-7d9f8b6c5-x2k4q", container: "checkout", workload: "checkout", image: "ghcr.io/corp-example/checkout:2.7.3",
      message: '{"level":"info","ts":"x","msg":"order created"}', actor: null, verb: null,
    });
    // The runtime's nanosecond `time` beats Fluent Bit's float `date`.
    expect(e.tsText).toBe(raw.time);
    expect(e.ts.getTime()).toBe(now);
    expect(e.attributes).toEqual(raw);
  });

  it("reads each json_date_format and the [ts, {...}] pairs", () => {
    const bare = (date: unknown) => fluentBit("x", { time: undefined, date });
    const micro = Math.floor(now / 1000) + 0.417123;
    const out = run(JSON.stringify([bare(micro), bare(Math.floor(now / 1000)), bare(now), bare(nanos()), bare(iso().replace("T", " ").replace("Z", "417"))]));
    expect(out.rejected).toEqual([]);
    expect(out.events.map((e) => e.tsText ?? e.ts.toISOString())).toEqual([
      `${iso().slice(0, 19)}.417123Z`, `${iso().slice(0, 19)}.000Z`, iso(), nanos(), iso().replace("Z", "417Z"),
    ]);
    const { date: _d, time: _t, ...rec } = fluentBit("from the test harness\n");
    const pairs = run(JSON.stringify([micro, rec]) + "\n" + JSON.stringify([[[micro, {}], rec]]));
    expect(pairs.events.map((e) => [e.tsText, e.message, e.pod])).toEqual([
      [`${iso().slice(0, 19)}.417123Z`, "from the test harness", "checkout-7d9f8b6c5-x2k4q"],
      [`${iso().slice(0, 19)}.417123Z`, "from the test harness", "checkout-7d9f8b6c5-x2k4q"],
    ]);
  });

  it("maps Vector events (array and NDJSON) with Vector's field names", () => {
    const raw = vector('{"level":"error","msg":"stripe API error: 502 Bad Gateway"}');
    for (const body of [JSON.stringify([raw]), JSON.stringify(raw) + "\n" + JSON.stringify(vector("ok", { stream: "stdout" })) + "\n"]) {
      const e = run(body).events[0];
      expect(e).toMatchObject({
        source: "vector", layer: "container", severity: "error", node: NODE, namespace: "payments", pod: "payments-api-6b8c9d7f5-m4n5p",
        container: "payments-api", workload: "payments-api", image: "ghcr.io/corp-example/payments-api:1.42.0",
      });
      expect(e.tsText).toBe(raw.timestamp);
    }
  });

  it("strips exactly one trailing newline", () => {
    expect(run(JSON.stringify(fluentBit("two\n\n"))).events[0].message).toBe("two\n");
    expect(run(JSON.stringify(fluentBit("crlf\r\n"))).events[0].message).toBe("crlf");
  });

  it("takes the cluster from the record when it names one", () => {
    const body = [fluentBit("a", { cluster: "staging" }), vector("b", { "k8s.cluster.name": "prod-us-1" }), fluentBit("c")].map((r) => JSON.stringify(r)).join("\n");
    expect(run(body).events.map((e) => e.cluster)).toEqual(["staging", "prod-us-1", CLUSTER]);
  });

  it("finds the pod in a /var/log/containers file name when there is no kubernetes block", () => {
    const e = normalizeLogRecord({ file: "/var/log/containers/redis-0_checkout_redis-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.log", message: "Ready", timestamp: iso(), source_type: "file" }, CLUSTER);
    expect(e).toMatchObject({ layer: "container", source: "vector", namespace: "checkout", pod: "redis-0", container: "redis", workload: null });
  });

  it("uses a parser's field when the line itself was replaced", () => {
    const { log: _l, ...rec } = fluentBit("");
    expect(run(JSON.stringify({ ...rec, container_1_parser: "parsed by annotation" })).events[0].message).toBe("parsed by annotation");
  });
});

describe("container line severity (heuristic)", () => {
  it.each([
    ['{"level":"warn","msg":"card declined"}', "warning"],
    ['{"level":50,"msg":"request failed"}', "error"],
    ['{"severity":"DEBUG","message":"x"}', "debug"],
    ['ts=2024-05-01T10:00:00Z caller=scrape.go:1754 level=warn msg="Error on ingesting"', "warning"],
    ['time="2024-05-01T10:00:00Z" level=error msg="ComparisonError"', "error"],
    ["E0501 10:00:00.123456       1 leaderelection.go:332] error retrieving resource lock", "error"],
    ["W0501 10:00:00.123456       1 prober.go:104] probe failed", "warning"],
    ["[ERROR] plugin/errors: 2 api.stripe.com. A: i/o timeout", "error"],
    ["[INFO] 10.0.1.7:5353 - 1 \"A IN x. udp\" NOERROR", "info"],
    ['2024/05/01 10:00:00 [error] 29#29: *1 open() "/favicon.ico" failed', "error"],
    ["[2024/05/01 10:00:00] [ warn] [engine] failed to flush chunk", "warning"],
    ["2024-05-01 10:00:00.000 UTC [42] ERROR:  duplicate key value", "error"],
    ["1:M 01 May 2024 10:00:00.000 # WARNING: 32 clients disconnected", "warning"],
    ["panic: runtime error: invalid memory address or nil pointer dereference", "critical"],
    ["Traceback (most recent call last):", "error"],
    ["processed 3 items, 0 errors", "info"],
    ["GET /healthz 200", "info"],
  ])("%s → %s", (line, severity) => {
    expect(lineSeverity(line)).toBe(severity);
  });

  it("does not raise stderr lines without a level", () => {
    const e = run(JSON.stringify(fluentBit("Loaded event sources: syscall", { stream: "stderr" }))).events[0];
    expect(e.severity).toBe("info");
  });

  it("reads a level that Merge_Log lifted into the record", () => {
    const e = run(JSON.stringify(fluentBit('{"level":"error","msg":"x"}', { level: "error", msg: "x" }))).events[0];
    expect(e.severity).toBe("error");
  });
});

describe("node records", () => {
  it("maps a journald entry (Fluent Bit systemd input) with the sshd login", () => {
    const raw = journal();
    const e = run(JSON.stringify([raw])).events[0];
    expect(e).toMatchObject({
      layer: "node", source: "journald", severity: "info", node: NODE, namespace: null, pod: null,
      message: "sshd[40211]: Accepted publickey for ec2-user from 10.0.0.10 port 51122 ssh2: ED25519 SHA256:Xb3k",
      actor: "ec2-user", actorType: "user", sourceIp: "10.0.0.10", image: null,
    });
    expect(e.tsText).toBe(`${iso().slice(0, 23)}417Z`);
    expect(e.attributes).toEqual(raw);
  });

  it.each([["0", "emergency"], ["1", "alert"], ["2", "critical"], ["3", "error"], ["4", "warning"], ["5", "notice"], ["6", "info"], ["7", "debug"]])(
    "journald PRIORITY %s → %s", (PRIORITY, severity) => {
      expect(run(JSON.stringify(journal({ PRIORITY }))).events[0].severity).toBe(severity);
    },
  );

  it("maps kernel lines, Vector's journald events and sudo", () => {
    const out = run([
      journal({ SYSLOG_IDENTIFIER: "kernel", _SYSTEMD_UNIT: undefined, _PID: undefined, PRIORITY: "3", MESSAGE: "Memory cgroup out of memory: Killed process 4242 (node)" }),
      { source_type: "journald", host: NODE, message: "ssm-user : TTY=pts/0 ; PWD=/usr/bin ; USER=root ; COMMAND=/usr/bin/crictl ps", SYSLOG_IDENTIFIER: "sudo", _PID: "5150", PRIORITY: "5", timestamp: nanos() },
    ].map((r) => JSON.stringify(r)).join("\n"));
    expect(out.rejected).toEqual([]);
    expect(out.events.map((e) => [e.source, e.severity, e.node, e.message, e.actor])).toEqual([
      ["journald", "error", NODE, "kernel: Memory cgroup out of memory: Killed process 4242 (node)", null],
      ["journald", "notice", NODE, "sudo[5150]: ssm-user : TTY=pts/0 ; PWD=/usr/bin ; USER=root ; COMMAND=/usr/bin/crictl ps", "ssm-user"],
    ]);
  });

  it("maps syslog as JSON: syslog-ng format-json, Vector's syslog source, Fluent Bit's syslog parser", () => {
    const out = run(JSON.stringify([
      { ISODATE: nanos(), HOST: "bastion-1", PROGRAM: "sshd", PID: "811", PRIORITY: "warning", FACILITY: "auth", MESSAGE: "Invalid user admin from 203.0.113.9 port 4242" },
      { appname: "containerd", facility: "daemon", hostname: NODE, host: "10.0.1.23", message: 'level=error msg="ContainerStatus failed"', procid: 977, severity: "err", source_type: "syslog", timestamp: iso() },
      { pri: "30", host: NODE, ident: "kubelet", pid: "2211", message: "Starting kubelet", date: sec },
    ]));
    expect(out.rejected).toEqual([]);
    expect(out.events.map((e) => [e.source, e.severity, e.node, e.message, e.actor, e.sourceIp])).toEqual([
      ["syslog", "warning", "bastion-1", "sshd[811]: Invalid user admin from 203.0.113.9 port 4242", "admin", "203.0.113.9"],
      ["syslog", "error", NODE, 'containerd[977]: level=error msg="ContainerStatus failed"', null, null],
      ["syslog", "info", NODE, "kubelet[2211]: Starting kubelet", null, null],
    ]);
    expect(out.events[0].tsText).toBe(nanos());
  });

  it("reads plain RFC 5424 and RFC 3164 text lines", () => {
    const out = run([
      `<38>1 ${nanos()} ${NODE} sshd 4021 - [origin ip="10.0.1.23"] Failed password for root from 203.0.113.7 port 50022 ssh2`,
      `<86>${new Date(now).toUTCString().slice(8, 11)} ${String(new Date(now).getUTCDate()).padStart(2, " ")} ${iso().slice(11, 19)} ${NODE} CRON[3001]: pam_unix(cron:session): session opened`,
    ].join("\n") + "\n", "text/plain");
    expect(out.rejected).toEqual([]);
    expect(out.events.map((e) => [e.layer, e.source, e.severity, e.node, e.message, e.actor, e.sourceIp])).toEqual([
      ["node", "syslog", "info", NODE, "sshd[4021]: Failed password for root from 203.0.113.7 port 50022 ssh2", "root", "203.0.113.7"],
      ["node", "syslog", "info", NODE, "CRON[3001]: pam_unix(cron:session): session opened", null, null],
    ]);
    expect(out.events[0].tsText).toBe(nanos());
    expect(out.events[1].ts.toISOString()).toBe(`${iso().slice(0, 19)}.000Z`);
    expect(out.events[0].attributes).toMatchObject({ format: "rfc5424", pri: 38, app: "sshd", structuredData: '[origin ip="10.0.1.23"]' });
  });

  it("parses syslog headers, and refuses what is not one", () => {
    expect(parseSyslogLine("<13>1 - - - - - - hello")).toMatchObject({ format: "rfc5424", time: null, host: null, message: "hello" });
    expect(parseSyslogLine("<999>1 2024-05-01T10:00:00Z h a - - - x")).toBeNull();
    expect(parseSyslogLine("just words")).toBeNull();
  });
});

describe("rejections", () => {
  it("rejects poison records with a reason and keeps the good ones", () => {
    const body = [
      JSON.stringify(fluentBit("good 1")),
      JSON.stringify({ log: "Fluent Bit is logging\n", stream: "stdout", time: nanos() }),
      '{"log": "cut off',
      "this is not syslog",
      JSON.stringify({ foo: "bar" }),
      JSON.stringify({ rule: "Terminal shell in container", priority: "Notice", output: "x", time: nanos() }),
      JSON.stringify({ kind: "Event", apiVersion: "v1", involvedObject: { kind: "Pod" }, reason: "Started" }),
      JSON.stringify(fluentBit("no time", { time: undefined, date: "soon" })),
      JSON.stringify(fluentBit("no time at all", { time: undefined, date: undefined })),
      JSON.stringify({ ...fluentBit("x"), kubernetes: { container_name: "x" } }),
      JSON.stringify(journal({ MESSAGE: undefined })),
      JSON.stringify(vector("good 2")),
    ].join("\n");
    const out = run(body);
    expect(out.events.map((e) => e.message)).toEqual(["good 1", "good 2"]);
    expect(out.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, expect.stringMatching(/^container log line without Kubernetes metadata/)],
      [2, expect.stringMatching(/^line 3 is not valid JSON/)],
      [3, "line 4: neither JSON nor an RFC 5424/3164 syslog line"],
      [4, "neither a container log (no kubernetes metadata) nor a node log (no journald or syslog fields)"],
      [5, "this is a Falco alert: send it to the falco endpoint, not a log record"],
      [6, "this is a Kubernetes Event: send it to the k8s-events endpoint, not a log record"],
      [7, 'bad timestamp in date: "soon" is not RFC 3339'],
      [8, expect.stringMatching(/^no timestamp: none of time, .*date/)],
      [9, expect.stringMatching(/^kubernetes block names no pod/)],
      [10, "journald record without a MESSAGE"],
    ]);
    expect(out.rejected[0].raw).toContain("Fluent Bit is logging");
    expect(out.rejected[2].raw).toBe("this is not syslog");
  });

  it("throws only when nothing in the body decodes", () => {
    expect(() => run("  \n")).toThrow(/empty body/);
    expect(() => run("hello\nworld", "text/plain")).toThrow(/body is not JSON log records/);
  });
});
