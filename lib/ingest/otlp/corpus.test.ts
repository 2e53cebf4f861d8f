/**
 * Conformance over the shared read-only corpus (see /work/shared/corpus/SOURCES.md):
 * the canonical OTLP/JSON example from opentelemetry-proto, and the collector's
 * k8seventsreceiver golden file (plog YAML, i.e. OTLP/JSON written as YAML).
 * Values asserted here were read from the files.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { normalizeOtlpBody } from "./normalize";

const ROOT = path.resolve(process.cwd(), "../shared/corpus/otlp");
const exists = fs.existsSync(ROOT);
if (!exists) console.warn(`corpus not found at ${ROOT}, skipping`);

const CTX = { cluster: "token-cluster", contentType: "application/json" };

function files(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => ext.test(f)).sort();
}

/** js-yaml is only a transitive dev dependency (eslint); without it the YAML golden file is skipped. */
async function loadYaml(): Promise<((text: string) => unknown) | null> {
  const name = "js-yaml";
  try {
    const mod = await import(/* @vite-ignore */ name);
    return (mod.load ?? mod.default?.load) as (text: string) => unknown;
  } catch {
    return null;
  }
}

describe.skipIf(!exists)("OTLP corpus", () => {
  it("every OTLP JSON file normalizes without rejections", () => {
    const names = files(ROOT, /\.json$/);
    expect(names).toEqual(["opentelemetry-proto/logs.json"]);
    for (const name of names) {
      const out = normalizeOtlpBody(fs.readFileSync(path.join(ROOT, name)), CTX);
      expect(out.rejected, name).toEqual([]);
      expect(out.events.length, name).toBeGreaterThan(0);
    }
  });

  it("opentelemetry-proto examples/logs.json: one record, every AnyValue kind", () => {
    const { events } = normalizeOtlpBody(fs.readFileSync(path.join(ROOT, "opentelemetry-proto/logs.json")), CTX);
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e).toMatchObject({
      cluster: "token-cluster", layer: "container", source: "otlp", severity: "info", message: "Example log record",
      node: null, namespace: null, pod: null, container: null, workload: null, image: null,
    });
    // 1544712660300000000 ns is a whole millisecond: the Date is exact, no tsText needed.
    expect(e.ts.toISOString()).toBe("2018-12-13T14:51:00.300Z");
    expect(e.tsText).toBeUndefined();
    expect(e.attributes).toEqual({
      resource: { "service.name": "my.service" },
      scope: { name: "my.library", version: "1.0.0", attributes: { "my.scope.attribute": "some scope attribute" } },
      attributes: {
        "string.attribute": "some string",
        "boolean.attribute": true,
        "int.attribute": 10,
        "double.attribute": 637.704,
        "array.attribute": ["many", "values"],
        "map.attribute": { "some.map.key": "some value" },
      },
      traceId: "5b8efff798038103d269b633813fc60c",
      spanId: "eee19b7ec3c1b174",
      severityText: "Information",
      severityNumber: 10,
    });
  });

  it("k8seventsreceiver watch_events.yaml: a Kubernetes Event as a k8s-event row", async (ctx) => {
    const load = await loadYaml();
    if (!load) {
      console.warn("js-yaml not installed, skipping the YAML golden file");
      ctx.skip();
      return;
    }
    const names = files(ROOT, /\.ya?ml$/);
    expect(names).toEqual(["otel-collector-contrib/k8seventsreceiver-expected-watch_events.yaml"]);
    const doc = load(fs.readFileSync(path.join(ROOT, names[0]), "utf8"));
    const before = Date.now();
    const { events, rejected } = normalizeOtlpBody(Buffer.from(JSON.stringify(doc)), CTX);
    expect(rejected).toEqual([]);
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e).toMatchObject({
      cluster: "token-cluster", layer: "k8s-event", source: "otlp", severity: "info",
      message: "Test event for k8seventsreceiver e2e testing",
      // k8s.namespace.name is a record attribute here, k8s.node.name a resource attribute.
      node: "test-node", namespace: "test-k8sevents-e2e", pod: "test-pod", resource: "pods", objectName: "test-pod",
    });
    // The golden file has no timestamps (the e2e test masks them): the record is stamped on arrival.
    expect(e.ts.getTime()).toBeGreaterThanOrEqual(before);
    expect(e.attributes).toMatchObject({
      severityText: "Normal",
      severityNumber: 9,
      scope: { name: "github.com/open-telemetry/opentelemetry-collector-contrib/receiver/k8seventsreceiver" },
      attributes: { "k8s.event.reason": "TestEvent", "k8s.event.count": 1, "k8s.event.name": "test-k8sevents-receiver" },
      resource: { "k8s.object.kind": "Pod", "k8s.object.uid": "fb799e35-7187-4a02-a07d-0f1fa4153b99" },
    });
    // traceId/spanId are "" in the file: unset, not invalid.
    expect(e.attributes.traceId).toBeUndefined();
  });
});
