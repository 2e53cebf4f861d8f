/**
 * Conformance of the runtime, container-log and Kubernetes Events normalizers
 * over the shared read-only corpus (see /work/shared/corpus/SOURCES.md). Pure
 * normalization, no DB. Every value asserted here was read from the files.
 *
 * Decision recorded here: the raw Docker json-file lines under
 * `container-logs/.../log/` (the kubernetes filter's *input*) are rejected —
 * with no pod, namespace or container they cannot be attributed, and the
 * reason tells the operator to enable the kubernetes filter.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { NormalizedEvent } from "@/lib/events/types";
import { normalizeFalcoBody } from "./falco/normalize";
import { normalizeK8sEventsBody } from "./k8s-events/normalize";
import { normalizeLogsBody } from "./logs/normalize";
import type { BodyNormalizer } from "./types";

const ROOT = path.resolve(process.cwd(), "../shared/corpus");
const exists = fs.existsSync(ROOT);
if (!exists) console.warn(`corpus-layers: shared corpus not found at ${ROOT} (it lives beside the checkout); skipping the Falco, container-log and Kubernetes Events conformance tests`);

const CLUSTER = "token-cluster";
const FALCO = "falco/elastic-integrations/test-falco.log";
const FB = "container-logs/fluent-bit-kubernetes-filter";
const EV = "k8s-events";

function load(rel: string, normalize: BodyNormalizer) {
  return normalize(fs.readFileSync(path.join(ROOT, rel)), { cluster: CLUSTER, contentType: "application/json" });
}
function files(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of fs.readdirSync(path.join(ROOT, d), { withFileTypes: true })) {
      const rel = `${d}/${f.name}`;
      if (f.isDirectory()) walk(rel);
      else if (f.name.endsWith(ext)) out.push(rel);
    }
  };
  walk(dir);
  return out.sort();
}
const count = (xs: (string | null)[]) => xs.reduce<Record<string, number>>((m, x) => ((m[String(x)] = (m[String(x)] ?? 0) + 1), m), {});
const fields = (e: NormalizedEvent) => {
  const { attributes: _a, ts, ...rest } = e;
  return { ...rest, ts: ts.toISOString() };
};

describe.skipIf(!exists)("Falco alerts (Elastic integration test file)", () => {
  const out = exists ? load(FALCO, normalizeFalcoBody) : { events: [], rejected: [] };

  it("normalizes all 17 NDJSON alerts (last line has no newline)", () => {
    expect(out.rejected).toEqual([]);
    expect(out.events).toHaveLength(17);
    for (const e of out.events) {
      expect(e).toMatchObject({ cluster: CLUSTER, layer: "runtime", source: "falco", container: "elastic-package-service-falco-event-generator-1" });
      // Falco's `time` has nanoseconds: kept as written
      expect(e.tsText).toMatch(/^2024-05-(07|13)T\d{2}:\d{2}:\d{2}\.\d{9}Z$/);
      expect(e.message).toBe(e.attributes.output);
      expect(["9656db3bb358", "84c0b936c919"]).toContain((e.attributes.output_fields as Record<string, unknown>)["container.id"]);
    }
  });

  it("keeps rules, priorities, hosts and users", () => {
    expect(count(out.events.map((e) => e.attributes.rule as string))).toEqual({
      "Read sensitive file untrusted": 11, "System user interactive": 3, "Run shell untrusted": 2, "Read sensitive file trusted after startup": 1,
    });
    expect(count(out.events.map((e) => e.severity))).toEqual({ warning: 12, info: 3, notice: 2 });
    expect(count(out.events.map((e) => e.node))).toEqual({ "97ade2b595f0": 5, a2000de987ff: 12 });
    expect(count(out.events.map((e) => e.actor))).toEqual({ root: 14, daemon: 3 });
    expect(out.events.every((e) => e.actorType === "user")).toBe(true);
  });

  it("fills namespace/pod only for the one alert carrying k8s.* fields", () => {
    const k8s = out.events.filter((e) => e.namespace !== null);
    expect(k8s).toHaveLength(1);
    expect(k8s[0]).toMatchObject({
      namespace: "kubernetes-ns", pod: "kubernetes-pod-1", tsText: "2024-05-13T13:23:31.089890892Z",
      // labels are known (key1..key3) and name no controller: a bare pod
      workload: null,
      // k8s.pod.ip is a CIDR ("175.16.199.0/24") in this file; nothing reads it as an address
      sourceIp: null,
    });
    expect(out.events.filter((e) => e.pod !== null)).toHaveLength(1);
  });

  it("builds the image from repository:tag on the one alert that has them", () => {
    const withImage = out.events.filter((e) => e.image);
    expect(withImage.map((e) => [e.image, e.attributes.rule])).toEqual([["falcosecurity/event-generator:0.10.0", "Read sensitive file trusted after startup"]]);
  });
});

describe.skipIf(!exists)("Fluent Bit kubernetes filter output", () => {
  const outFiles = exists ? files(FB + "/out", ".out") : [];
  const logFiles = exists ? files(FB + "/log", ".log") : [];
  const one = (rel: string) => {
    const out = load(`${FB}/out/${rel}`, normalizeLogsBody);
    expect(out.rejected).toEqual([]);
    expect(out.events).toHaveLength(1);
    return out.events[0];
  };
  const FB_NODE = "ip-10-49-18-80.eu-west-1.compute.internal";
  const FB_IMAGE = "fluent/fluent-bit:latest";

  it("finds 12 record files and 4 raw docker log files", () => {
    expect(outFiles).toHaveLength(12);
    expect(logFiles).toHaveLength(4);
  });

  it.each(outFiles)("%s: one container record, time from the [ts, {...}] pair", (rel) => {
    const out = load(rel, normalizeLogsBody);
    expect(out.rejected).toEqual([]);
    expect(out.events).toHaveLength(1);
    const e = out.events[0];
    expect(e).toMatchObject({ cluster: CLUSTER, layer: "container", source: "fluent-bit", actor: null, verb: null });
    expect(e.namespace).toBeTruthy();
    expect(e.pod).toBeTruthy();
    expect(e.container).toBeTruthy();
    expect(e.ts.getUTCFullYear()).toBeGreaterThanOrEqual(2018);
  });

  it.each([
    ["core/core_base_fluent-bit.out", { namespace: "core", pod: "base", container: "fluent-bit", node: FB_NODE, image: FB_IMAGE, workload: null, message: "Fluent Bit is logging" }],
    ["core/core_base-with-namespace-labels-and-annotations_fluent-bit.out", { namespace: "core", pod: "base-with-namespace-labels-and-annotations", node: FB_NODE, image: FB_IMAGE }],
    // ownerReferences (DaemonSet fluentbit-max) give the workload
    ["core/core_base-with-owner-references_fluent-bit.out", { pod: "base-with-owner-references", workload: "fluentbit-max", node: FB_NODE }],
    ["core/core_no-meta_text.out", { namespace: "core", pod: "no-meta", container: "text", node: null, image: null, message: "Simple text" }],
    // the line has no trailing newline here, unlike the others
    ["core/core_uat-myapp-12345_fluent-bit.out", { pod: "uat-myapp-12345", container: "fluent-bit", workload: null, message: "hello from uat pod" }],
    ["core/core_unescaping_text.out", { pod: "unescaping", container: "text", message: 'Text with embedded quoted "text with embedded quoted \\"text with embedded quoted \\\\\\"text\\\\\\"\\""' }],
    ["options/options_merge-log-enabled_json.out", { namespace: "options", pod: "merge-log-enabled", container: "json", message: '{"text":"Simple text"}' }],
    ["options/options_use-kubelet-enabled_fluent-bit.out", { namespace: "options", pod: "use-kubelet-enabled", node: FB_NODE, image: FB_IMAGE }],
    // a parser replaced `log` with `message` / a parser-named key
    ["annotations-parser/annotations-parser_json-with-time_json.out", { namespace: "annotations-parser", pod: "json-with-time", container: "json", message: "Simple text", tsText: "2019-04-05T14:54:23.58427Z" }],
    ["annotations-parser/annotations-parser_multiple-2_container-1_stdout.out", { pod: "multiple-2", container: "container-1", workload: null, message: "Container 1 is logging on stdout" }],
    // Docker's journald log driver record enriched by the filter: journald time, level word in the line
    ["kairosdb-914055854-b63vq.out", {
      namespace: "default", pod: "kairosdb-914055854-b63vq", container: "kairosdb", node: "192.168.10.169", workload: "kairosdb",
      image: "davradocker/docker-kairosdb:1.1.1_9", severity: "debug", tsText: "2018-11-04T19:12:27.464738Z",
      message: "08:58:45.839 [qtp151442075-47] DEBUG [HttpParser.java:281] - filled 157/157",
    }],
  ] as const)("%s", (rel, expected) => {
    expect(one(rel)).toMatchObject(expected);
  });

  it("reads the float pair time with its microseconds", () => {
    expect(one("core/core_base_fluent-bit.out")).toMatchObject({ tsText: "2019-04-01T17:58:33.598656Z", severity: "info" });
  });

  it("agrees with the Pod object the filter test used as metadata", () => {
    const pod = JSON.parse(fs.readFileSync(path.join(ROOT, FB, "meta/core_base.meta"), "utf8"));
    const e = one("core/core_base_fluent-bit.out");
    expect([e.namespace, e.pod, e.node, e.container]).toEqual([pod.metadata.namespace, pod.metadata.name, pod.spec.nodeName, pod.spec.containers[0].name]);
  });

  it.each(logFiles)("%s: raw docker json-file line without Kubernetes metadata is rejected", (rel) => {
    const out = load(rel, normalizeLogsBody);
    expect(out.events).toEqual([]);
    expect(out.rejected).toEqual([{ index: 0, reason: expect.stringMatching(/^container log line without Kubernetes metadata/), raw: expect.stringContaining('"stream":"stdout"') }]);
  });
});

describe.skipIf(!exists)("Kubernetes Events", () => {
  const fbDir = `${EV}/fluent-bit-in_kubernetes_events`;
  const fbFiles = exists ? fs.readdirSync(path.join(ROOT, fbDir)).sort() : [];
  const one = (name: string) => {
    const out = load(`${fbDir}/${name}`, normalizeK8sEventsBody);
    expect(out.rejected).toEqual([]);
    expect(out.events).toHaveLength(1);
    return out.events[0];
  };

  it("finds the three Fluent Bit inputs and their three outputs", () => {
    expect(fbFiles).toEqual([
      "eventlist_v1_with_creationTimestamp.json", "eventlist_v1_with_creationTimestamp.out", "eventlist_v1_with_lastTimestamp.json",
      "eventlist_v1_with_lastTimestamp.out", "watch_v1_with_lastTimestamp.json", "watch_v1_with_lastTimestamp.out",
    ]);
  });

  it.each(["eventlist_v1_with_creationTimestamp", "eventlist_v1_with_lastTimestamp", "watch_v1_with_lastTimestamp"])(
    "%s: the API input (.json) and Fluent Bit's record (.out) normalize alike", (name) => {
      expect(fields(one(`${name}.out`))).toEqual(fields(one(`${name}.json`)));
    },
  );

  it("EventList with eventTime only: FailedScheduling by the scheduler", () => {
    expect(one("eventlist_v1_with_creationTimestamp.json")).toMatchObject({
      layer: "k8s-event", source: "k8s-events", severity: "warning", namespace: "default", pod: "fluent-bit-78945dccd8-2g7qg",
      workload: "fluent-bit", resource: "pods", objectName: "fluent-bit-78945dccd8-2g7qg", actor: "default-scheduler",
      // reportingInstance "default-scheduler-minikube" is not a node name
      node: null, container: null, verb: null, tsText: "2023-12-24T13:37:16.335172Z",
      message: "FailedScheduling: 0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..",
    });
  });

  it("EventList about a nameless Endpoints object: LeaderElection", () => {
    const e = one("eventlist_v1_with_lastTimestamp.json");
    expect(e).toMatchObject({
      severity: "info", namespace: "default", resource: "endpoints", objectName: null, pod: null, node: null,
      actor: "k8s.io/minikube-hostpath_minikube_31f5cdfb-29b0-4f84-9f9c-585088e9235f",
      message: "LeaderElection: minikube_31f5cdfb-29b0-4f84-9f9c-585088e9235f stopped leading",
    });
    expect(e.ts.toISOString()).toBe("2023-12-24T09:29:51.000Z");
  });

  it("watch MODIFIED frame: FailedMount x16 from kubelet on minikube", () => {
    const e = one("watch_v1_with_lastTimestamp.json");
    expect(e).toMatchObject({
      severity: "warning", namespace: "default", pod: "fluent-bit-78945dccd8-hvr55", workload: "fluent-bit", node: "minikube", actor: "kubelet",
      message: 'FailedMount: MountVolume.SetUp failed for volume "config-volume" : configmap "fluent-bit-config" not found (x16)',
    });
    // lastTimestamp, not firstTimestamp (18:26:51) or creationTimestamp
    expect(e.ts.toISOString()).toBe("2024-07-31T18:47:15.000Z");
  });

  it("rejects Elastic's Metricbeat document with a reason", () => {
    const out = load(`${EV}/elastic-integrations/kubernetes-event-sample_event.json`, normalizeK8sEventsBody);
    expect(out.events).toEqual([]);
    expect(out.rejected).toEqual([{ index: 0, reason: expect.stringMatching(/^a Metricbeat\/Elastic Agent kubernetes.event document/), raw: expect.stringContaining("AssociationError") }]);
  });
});
