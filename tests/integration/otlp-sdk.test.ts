/**
 * The real OpenTelemetry JS SDK (LoggerProvider + OTLP/HTTP exporters, JSON
 * and protobuf) posting to handleOtlpLogs over real HTTP, stored in a real
 * PostgreSQL. Proves the wire format, the OTLP responses the exporter parses,
 * and what lands in the events/inventory tables.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SeverityNumber } from "@opentelemetry/api-logs";
import { BatchLogRecordProcessor, LoggerProvider, SimpleLogRecordProcessor, type LogRecordExporter } from "@opentelemetry/sdk-logs";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { OTLPLogExporter as JsonExporter } from "@opentelemetry/exporter-logs-otlp-http";
import { OTLPLogExporter as ProtoExporter } from "@opentelemetry/exporter-logs-otlp-proto";
import { testDb, resetDb } from "../setup/db";
import { startRouteServer } from "../setup/route-server";
import { createIngestToken } from "../../lib/auth/tokens";

// Route handlers read DATABASE_URL through getDb(); set it before app code is imported.
process.env.DATABASE_URL = inject("databaseUrl");
const db = testDb();
let base = "";
let close: () => Promise<void>;
let token = "";

beforeAll(async () => {
  await resetDb(db);
  const { route } = await import("../../lib/http/route");
  const { handleOtlpLogs } = await import("../../lib/ingest/otlp");
  const s = await startRouteServer({ "/v1/logs": { POST: route(async (req) => handleOtlpLogs(req)) } });
  base = s.url;
  close = s.close;
  ({ token } = await createIngestToken(db, { cluster: "otel-test" }));
});
afterAll(async () => {
  await close();
  await db.pool.end();
});

const N = 50;
const LEVELS: [SeverityNumber, string, string][] = [
  [SeverityNumber.INFO, "INFO", "info"],
  [SeverityNumber.WARN, "WARN", "warning"],
  [SeverityNumber.ERROR, "ERROR", "error"],
  [SeverityNumber.DEBUG, "DEBUG", "debug"],
  [SeverityNumber.FATAL, "FATAL", "critical"],
];
// 2026-01-15T08:00:00Z plus i seconds, with nanoseconds the SDK keeps as HrTime.
const T0 = 1768464000;

function resource(pod: string) {
  return resourceFromAttributes({
    "service.name": "payments-api",
    "k8s.namespace.name": "payments",
    "k8s.pod.name": pod,
    "k8s.container.name": "api",
    "k8s.node.name": "node-3",
    "k8s.deployment.name": "payments-api",
    "container.image.name": "ghcr.io/acme/payments-api",
    "container.image.tag": "2.7.1",
  });
}

type Exporter = LogRecordExporter;
/** Wraps an exporter to record the result code the SDK sees for each export (0 = SUCCESS, 1 = FAILED). */
function recording(inner: Exporter): { exporter: Exporter; codes: number[] } {
  const codes: number[] = [];
  const exporter: Exporter = {
    export: (logs, done) => inner.export(logs, (r) => { codes.push(r.code); if (r.error && process.env.OTLP_TEST_DEBUG) console.warn(r.error); done(r); }),
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
  return { exporter, codes };
}

/** Emits N records through a LoggerProvider and flushes; returns the exporter's result codes. */
async function emit(inner: Exporter, label: string, pod: string, batch: boolean): Promise<number[]> {
  const { exporter, codes } = recording(inner);
  const processor = batch ? new BatchLogRecordProcessor({ exporter, scheduledDelayMillis: 50 }) : new SimpleLogRecordProcessor({ exporter });
  const provider = new LoggerProvider({ resource: resource(pod), processors: [processor] });
  const logger = provider.getLogger("crowsnest.otlp-test", "1.0.0");
  for (let i = 0; i < N; i++) {
    const [severityNumber, severityText] = LEVELS[i % LEVELS.length];
    logger.emit({
      timestamp: [T0 + i, 123_456_789],
      severityNumber,
      severityText,
      body: i % 10 === 9 ? { action: "login", user: `user-${i}`, ok: false } : `${label} message ${i}`,
      attributes: { label, i, "user.id": `u-${i}` },
    });
  }
  await provider.forceFlush();
  await provider.shutdown();
  return codes;
}

type Row = { layer: string; cluster: string; source: string; namespace: string; pod: string; container: string; node: string; workload: string; severity: string; message: string; t: string; attributes: Record<string, unknown> };
async function rows(label: string): Promise<Row[]> {
  const r = await db.pool.query<Row>(
    `SELECT layer, cluster, source, namespace, pod, container, node, workload, severity, message, attributes,
            to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS t
       FROM events WHERE attributes->'attributes'->>'label' = $1 ORDER BY ts`,
    [label],
  );
  return r.rows;
}

function expectStored(stored: Row[], label: string, pod: string) {
  expect(stored).toHaveLength(N);
  for (const [i, row] of stored.entries()) {
    expect(row).toMatchObject({
      layer: "container", cluster: "otel-test", source: "otlp", namespace: "payments", pod, container: "api",
      node: "node-3", workload: "payments-api", severity: LEVELS[i % LEVELS.length][2],
    });
    // Nanoseconds in, microseconds stored (rounded by PostgreSQL).
    expect(row.t).toBe(new Date((T0 + i) * 1000).toISOString().slice(0, 19) + ".123457");
    if (i % 10 === 9) expect(JSON.parse(row.message)).toEqual({ action: "login", user: `user-${i}`, ok: false });
    else expect(row.message).toBe(`${label} message ${i}`);
    expect(row.attributes).toMatchObject({ attributes: { label, i, "user.id": `u-${i}` }, scope: { name: "crowsnest.otlp-test", version: "1.0.0" } });
  }
  const bySeverity = Object.fromEntries(LEVELS.map(([, , sev]) => [sev, stored.filter((r) => r.severity === sev).length]));
  expect(bySeverity).toEqual({ info: 10, warning: 10, error: 10, debug: 10, critical: 10 });
}

describe("OpenTelemetry JS SDK → POST /v1/logs", () => {
  it("HTTP/JSON exporter: 50 records stored with their Kubernetes placement", async () => {
    const codes = await emit(new JsonExporter({ url: `${base}/v1/logs`, headers: { Authorization: `Bearer ${token}` } }), "json", "payments-api-7c9d-abcde", true);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 0)).toBe(true);
    expectStored(await rows("json"), "json", "payments-api-7c9d-abcde");
  });

  it("HTTP/protobuf exporter (gzip): 50 records stored the same way", async () => {
    const compression = "gzip" as NonNullable<ConstructorParameters<typeof ProtoExporter>[0]>["compression"];
    // SimpleLogRecordProcessor sends one request per record, all at once; the default limit is 30 in flight.
    const exporter = new ProtoExporter({ url: `${base}/v1/logs`, headers: { Authorization: `Bearer ${token}` }, compression, concurrencyLimit: N });
    const codes = await emit(exporter, "proto", "payments-api-7c9d-fghij", false);
    expect(codes).toHaveLength(N);
    expect(codes.every((c) => c === 0)).toBe(true);
    expectStored(await rows("proto"), "proto", "payments-api-7c9d-fghij");
  });

  it("keeps the inventory: pod with its workload and node, container with its image", async () => {
    const pods = await db.pool.query(`SELECT name, node, workload FROM pods WHERE cluster = 'otel-test' ORDER BY name`);
    expect(pods.rows).toEqual([
      { name: "payments-api-7c9d-abcde", node: "node-3", workload: "payments-api" },
      { name: "payments-api-7c9d-fghij", node: "node-3", workload: "payments-api" },
    ]);
    const containers = await db.pool.query(`SELECT DISTINCT image FROM containers WHERE cluster = 'otel-test'`);
    expect(containers.rows).toEqual([{ image: "ghcr.io/acme/payments-api:2.7.1" }]);
  });

  it("a wrong token makes both exporters report failure and stores nothing", async () => {
    const headers = { Authorization: "Bearer cn_wrong" };
    const jsonCodes = await emit(new JsonExporter({ url: `${base}/v1/logs`, headers, concurrencyLimit: N }), "bad-json", "x", false);
    const protoCodes = await emit(new ProtoExporter({ url: `${base}/v1/logs`, headers }), "bad-proto", "x", true);
    expect(jsonCodes.length).toBe(N);
    expect(jsonCodes.every((c) => c === 1)).toBe(true);
    expect(protoCodes.length).toBeGreaterThan(0);
    expect(protoCodes.every((c) => c === 1)).toBe(true);
    expect(await rows("bad-json")).toHaveLength(0);
    expect(await rows("bad-proto")).toHaveLength(0);
  });

  it("answers in the request's encoding: Status on 401/415/400, partialSuccess on a bad record", async () => {
    const post = (body: BodyInit, type: string, auth = `Bearer ${token}`) =>
      fetch(`${base}/v1/logs`, { method: "POST", body, headers: { authorization: auth, "content-type": type } });
    const unauth = await post("{}", "application/json", "Bearer nope");
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toEqual({ code: 16, message: "unknown ingest token" });
    const pbUnauth = await post(new Uint8Array(0), "application/x-protobuf", "Bearer nope");
    expect(pbUnauth.headers.get("content-type")).toBe("application/x-protobuf");
    expect((await post("{}", "text/xml")).status).toBe(415);
    const garbage = await post("{nope", "application/json");
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).code).toBe(3);
    const good = { timeUnixNano: "1768464000000000001", body: { stringValue: "partial-ok" } };
    const bad = { timeUnixNano: "soon", body: { stringValue: "partial-bad" } };
    const r = await post(JSON.stringify({ resourceLogs: [{ scopeLogs: [{ logRecords: [good, bad] }] }] }), "application/json");
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ partialSuccess: { rejectedLogRecords: 1, errorMessage: expect.stringMatching(/^1 log record\(s\) rejected: #1: timeUnixNano/) } });
    const stored = await db.pool.query(`SELECT layer, message FROM events WHERE message LIKE 'partial-%'`);
    expect(stored.rows).toEqual([{ layer: "container", message: "partial-ok" }]);
    // The rejected record is kept in the quarantine with its raw JSON.
    const q = await db.pool.query(`SELECT record_index, raw FROM quarantine WHERE source = 'otlp'`);
    expect(q.rows).toEqual([{ record_index: 1, raw: JSON.stringify(bad) }]);
  });
});
