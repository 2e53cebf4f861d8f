import { describe, expect, it } from "vitest";
import { normalizeOtlpBody, severityOf } from "./normalize";
import { otlpError, otlpResponse, summarizeRejections } from "./response";
import { ExportLogsServiceRequest, ExportLogsServiceResponse, RpcStatus } from "./proto";

const JSON_CTX = { cluster: "token-cluster", contentType: "application/json" };
const PB_CTX = { cluster: "token-cluster", contentType: "application/x-protobuf" };
const TRACE = "5b8efff798038103d269b633813fc60c";
const SPAN = "eee19b7ec3c1b174";

const s = (v: string) => ({ stringValue: v });
const kv = (key: string, value: object) => ({ key, value });
const resourceAttrs = [
  kv("k8s.cluster.name", s("prod-eu")), kv("k8s.node.name", s("node-7")), kv("k8s.namespace.name", s("payments")),
  kv("k8s.pod.name", s("api-5d9c7-x2x")), kv("k8s.container.name", s("api")), kv("k8s.deployment.name", s("api")),
  kv("container.image.name", s("ghcr.io/acme/api")), kv("container.image.tag", s("1.4.2")), kv("service.name", s("api")),
];
const record = (over: object = {}) => ({
  timeUnixNano: "1700000000123456789", observedTimeUnixNano: "1700000000200000000", severityNumber: 13, severityText: "WARN",
  traceId: TRACE.toUpperCase(), spanId: SPAN, flags: 1, body: s("token refresh failed"),
  attributes: [kv("http.status_code", { intValue: "503" }), kv("retry", { boolValue: true })], ...over,
});
const request = (records: unknown[], attrs: object[] = resourceAttrs) => ({
  resourceLogs: [{ resource: { attributes: attrs }, scopeLogs: [{ scope: { name: "acme.auth", version: "2.0.0" }, logRecords: records }] }],
});
const json = (o: unknown) => Buffer.from(JSON.stringify(o));

/** camelCase OTLP/JSON → the proto field names, which receivers must accept too. */
function snakeKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(/[A-Z]/g, (c) => "_" + c.toLowerCase()), snakeKeys(x)]));
  return v;
}

/** The JSON fixture as protobuf, encoded with the same message definitions (ids as bytes). */
function protobuf(req: ReturnType<typeof request>): Buffer {
  const copy = JSON.parse(JSON.stringify(req));
  for (const rl of copy.resourceLogs) for (const sl of rl.scopeLogs) for (const r of sl.logRecords) {
    if (r.traceId) r.traceId = Buffer.from(r.traceId, "hex");
    if (r.spanId) r.spanId = Buffer.from(r.spanId, "hex");
  }
  return Buffer.from(ExportLogsServiceRequest.encode(ExportLogsServiceRequest.fromObject(copy)).finish());
}

describe("normalizeOtlpBody: OTLP/JSON", () => {
  it("maps resource attributes, severity, ids and nanosecond time", () => {
    const { events, rejected } = normalizeOtlpBody(json(request([record()])), JSON_CTX);
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e).toMatchObject({
      cluster: "prod-eu", layer: "container", source: "otlp", severity: "warning", node: "node-7", namespace: "payments",
      pod: "api-5d9c7-x2x", container: "api", workload: "api", image: "ghcr.io/acme/api:1.4.2", message: "token refresh failed",
    });
    expect(e.ts.toISOString()).toBe("2023-11-14T22:13:20.123Z");
    expect(e.tsText).toBe("2023-11-14T22:13:20.123456789Z");
    expect(e.attributes).toEqual({
      resource: expect.objectContaining({ "k8s.pod.name": "api-5d9c7-x2x", "service.name": "api" }),
      scope: { name: "acme.auth", version: "2.0.0" },
      attributes: { "http.status_code": 503, retry: true },
      traceId: TRACE, spanId: SPAN, severityText: "WARN", severityNumber: 13, flags: 1,
      observedTimeUnixNano: "1700000000200000000",
    });
  });

  it("accepts snake_case keys and numeric timestamps the same way", () => {
    const camel = normalizeOtlpBody(json(request([record()])), JSON_CTX).events[0];
    const snake = normalizeOtlpBody(json(snakeKeys(request([record()]))), JSON_CTX);
    expect(snake.rejected).toEqual([]);
    expect(snake.events[0]).toEqual(camel);
    const numeric = normalizeOtlpBody(json(request([record({ timeUnixNano: 1700000000123000000 })])), JSON_CTX).events[0];
    expect(numeric.ts.toISOString()).toBe("2023-11-14T22:13:20.123Z");
    expect(numeric.tsText).toBeUndefined();
  });

  it("uses the token's cluster, host.name as node and the node layer when no pod is known", () => {
    const e = normalizeOtlpBody(json(request([record()], [kv("host.name", s("ip-10-0-1-5"))])), JSON_CTX).events[0];
    expect(e).toMatchObject({ cluster: "token-cluster", layer: "node", node: "ip-10-0-1-5", pod: null, namespace: null, workload: null, image: null });
    const bare = normalizeOtlpBody(json(request([record()], [])), JSON_CTX).events[0];
    expect(bare).toMatchObject({ cluster: "token-cluster", layer: "container", node: null });
  });

  it("picks the workload from statefulset/daemonset/job names", () => {
    for (const key of ["k8s.statefulset.name", "k8s.daemonset.name", "k8s.job.name"]) {
      const e = normalizeOtlpBody(json(request([record()], [kv(key, s("w1")), kv("k8s.pod.name", s("w1-0"))])), JSON_CTX).events[0];
      expect(e.workload).toBe("w1");
    }
  });

  it("falls back to the observed time, then now, when the event time is 0", () => {
    const obs = normalizeOtlpBody(json(request([record({ timeUnixNano: "0" })])), JSON_CTX).events[0];
    expect(obs.ts.toISOString()).toBe("2023-11-14T22:13:20.200Z");
    expect(obs.tsText).toBeUndefined();
    const fine = normalizeOtlpBody(json(request([record({ timeUnixNano: undefined, observedTimeUnixNano: "1700000000200000500" })])), JSON_CTX).events[0];
    expect(fine.tsText).toBe("2023-11-14T22:13:20.2000005Z");
    const before = Date.now();
    const now = normalizeOtlpBody(json(request([record({ timeUnixNano: 0, observedTimeUnixNano: undefined })])), JSON_CTX).events[0];
    expect(now.ts.getTime()).toBeGreaterThanOrEqual(before);
    expect(now.tsText).toBeUndefined();
  });

  it("renders every body kind as text, keeping structured bodies as JSON", () => {
    const bodies: [object | undefined, string][] = [
      [s("plain"), "plain"],
      [{ intValue: "42" }, "42"],
      [{ doubleValue: 2.5 }, "2.5"],
      [{ boolValue: false }, "false"],
      [{ bytesValue: "aGk=" }, "aGk="],
      [{ arrayValue: { values: [s("a"), { intValue: 1 }] } }, '["a",1]'],
      [{ kvlistValue: { values: [kv("user", s("bob")), kv("ok", { boolValue: true }), kv("__proto__", s("x"))] } }, '{"user":"bob","ok":true,"__proto__":"x"}'],
      [undefined, "login.failed"],
    ];
    const { events, rejected } = normalizeOtlpBody(json(request(bodies.map(([body]) => record({ body, eventName: "login.failed" })))), JSON_CTX);
    expect(rejected).toEqual([]);
    expect(events.map((e) => e.message)).toEqual(bodies.map(([, text]) => text));
    expect(events[6].attributes.body).toEqual({ user: "bob", ok: true, ["__proto__"]: "x" });
    expect(Object.getPrototypeOf(events[6].attributes.body)).toBe(Object.prototype);
    expect(events[0].attributes.body).toBeUndefined();
  });

  it("rejects a bad record with its index and reason, and keeps the others", () => {
    const records = [
      record({ body: s("ok-0") }),
      record({ traceId: "not-hex" }),
      record({ timeUnixNano: "yesterday" }),
      "not an object",
      record({ attributes: { key: "x" } }),
      record({ body: { stringValue: 7 } }),
      record({ body: s("ok-6") }),
    ];
    const { events, rejected } = normalizeOtlpBody(json(request(records)), JSON_CTX);
    expect(events.map((e) => e.message)).toEqual(["ok-0", "ok-6"]);
    expect(rejected.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(rejected[0].reason).toMatch(/traceId/);
    expect(rejected[1].reason).toMatch(/timeUnixNano/);
    expect(rejected[2].reason).toMatch(/must be an object/);
    expect(rejected[3].reason).toMatch(/attributes must be an array/);
    expect(rejected[4].reason).toMatch(/stringValue must be a string/);
    expect(JSON.parse(rejected[1].raw).timeUnixNano).toBe("yesterday");
  });

  it("rejects every record under a broken resource, not the rest of the request", () => {
    const req = request([record({ body: s("good") })]);
    req.resourceLogs.push({ resource: { attributes: "oops" } as never, scopeLogs: [{ scope: { name: "x", version: "1" }, logRecords: [record(), record()] }] });
    const { events, rejected } = normalizeOtlpBody(json(req), JSON_CTX);
    expect(events).toHaveLength(1);
    expect(rejected.map((r) => [r.index, r.reason])).toEqual([[1, "resource: attributes must be an array, got string"], [2, "resource: attributes must be an array, got string"]]);
  });

  it("throws only when the body as a whole is not a request", () => {
    expect(() => normalizeOtlpBody(Buffer.from("{nope"), JSON_CTX)).toThrow(/not valid JSON/);
    expect(() => normalizeOtlpBody(Buffer.from("[]"), JSON_CTX)).toThrow(/ExportLogsServiceRequest/);
    expect(() => normalizeOtlpBody(json({ resourceLogs: {} }), JSON_CTX)).toThrow(/resourceLogs/);
    expect(normalizeOtlpBody(json({}), JSON_CTX)).toEqual({ events: [], rejected: [] });
  });
});

describe("normalizeOtlpBody: OTLP/protobuf", () => {
  it("decodes the same fixture to the same events as JSON", () => {
    const req = request([record(), record({ body: { kvlistValue: { values: [kv("n", { intValue: "9007199254740993" })] } }, severityNumber: 21 })]);
    const fromJson = normalizeOtlpBody(json(req), JSON_CTX);
    const fromPb = normalizeOtlpBody(protobuf(req), PB_CTX);
    expect(fromPb.rejected).toEqual([]);
    expect(fromPb.events).toEqual(fromJson.events);
    expect(fromPb.events[1]).toMatchObject({ severity: "critical", message: '{"n":"9007199254740993"}' });
    expect(fromPb.events[0].attributes.traceId).toBe(TRACE);
  });

  it("rejects a record with a malformed trace id and keeps the rest; empty bytes are an empty request", () => {
    const req = request([record({ traceId: "abcd" }), record({ traceId: undefined, spanId: undefined })]);
    const { events, rejected } = normalizeOtlpBody(protobuf(req), PB_CTX);
    expect(events).toHaveLength(1);
    expect(rejected).toMatchObject([{ index: 0, reason: "traceId must be 16 bytes (32 hex digits)" }]);
    expect(normalizeOtlpBody(Buffer.alloc(0), PB_CTX)).toEqual({ events: [], rejected: [] });
    expect(() => normalizeOtlpBody(Buffer.from([0x0a, 0xff, 0x01]), PB_CTX)).toThrow(/not an OTLP protobuf/);
  });
});

describe("severity", () => {
  it("maps the OTLP number ranges, else the text", () => {
    const byNumber = [1, 4, 5, 8, 9, 12, 13, 16, 17, 20, 21, 24].map((n) => severityOf(n, undefined));
    expect(byNumber).toEqual(["debug", "debug", "debug", "debug", "info", "info", "warning", "warning", "error", "error", "critical", "critical"]);
    expect(severityOf(9, "ERROR")).toBe("info");
    const texts = ["TRACE", "Debug", "Information", "Normal", "notice", "WARN2", "Warning", "err", "FATAL", "crit", "alert", "EMERG", "whatever", undefined];
    expect(texts.map((t) => severityOf(undefined, t))).toEqual(["debug", "debug", "info", "info", "notice", "warning", "warning", "error", "critical", "critical", "alert", "emergency", "info", "info"]);
    expect(severityOf(0, "Warning")).toBe("warning");
  });

  it("accepts enum names for severityNumber in JSON", () => {
    const e = normalizeOtlpBody(json(request([record({ severityNumber: "SEVERITY_NUMBER_ERROR" })])), JSON_CTX).events[0];
    expect(e.severity).toBe("error");
  });
});

describe("OTLP responses", () => {
  it("full success is an empty ExportLogsServiceResponse in the request's encoding", () => {
    expect(otlpResponse({ rejected: 0 }, "application/json")).toEqual({ body: "{}", contentType: "application/json" });
    const pb = otlpResponse({ rejected: 0 }, "application/x-protobuf; charset=binary");
    expect(pb.contentType).toBe("application/x-protobuf");
    expect((pb.body as Buffer).length).toBe(0);
  });

  it("partial success carries the count and a summary", () => {
    const rejected = Array.from({ length: 7 }, (_, i) => ({ index: i * 2, reason: `bad ${i}`, raw: "" }));
    const message = summarizeRejections(rejected)!;
    expect(message).toBe("7 log record(s) rejected: #0: bad 0; #2: bad 1; #4: bad 2; #6: bad 3; #8: bad 4; and 2 more");
    expect(JSON.parse(otlpResponse({ rejected: 7, errorMessage: message }, "application/json").body as string)).toEqual({
      partialSuccess: { rejectedLogRecords: 7, errorMessage: message },
    });
    const pb = otlpResponse({ rejected: 7, errorMessage: message }, "application/x-protobuf");
    const decoded = ExportLogsServiceResponse.toObject(ExportLogsServiceResponse.decode(pb.body as Buffer), { longs: Number });
    expect(decoded).toEqual({ partialSuccess: { rejectedLogRecords: 7, errorMessage: message } });
  });

  it("errors are google.rpc.Status with a gRPC code", () => {
    expect(JSON.parse(otlpError(400, "bad body", "application/json").body as string)).toEqual({ code: 3, message: "bad body" });
    const pb = otlpError(401, "unknown ingest token", "application/x-protobuf");
    expect(pb.contentType).toBe("application/x-protobuf");
    expect(RpcStatus.toObject(RpcStatus.decode(pb.body as Buffer))).toEqual({ code: 16, message: "unknown ingest token" });
    expect(JSON.parse(otlpError(503, "later", "application/json").body as string).code).toBe(14);
  });
});
