import { describe, expect, it } from "vitest";
import { LAYERS, SEVERITIES, type NormalizedEvent } from "@/lib/events/types";
import { DAY_MS, generateDemo, type DemoOptions } from "./generate";

const NOW = new Date("2025-06-01T12:00:00.000Z");

function collect(opts: DemoOptions): NormalizedEvent[] {
  const out: NormalizedEvent[] = [];
  for (const batch of generateDemo(opts)) out.push(...batch);
  return out;
}

// One 20k run shared by the content checks; generation takes well under a second.
const events = collect({ events: 20_000, now: NOW, seed: 42 });

describe("generateDemo", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = collect({ events: 3_000, now: NOW, seed: 5 });
    const b = collect({ events: 3_000, now: NOW, seed: 5 });
    const c = collect({ events: 3_000, now: NOW, seed: 6 });
    expect(b).toEqual(a);
    expect(c.map((e) => e.message)).not.toEqual(a.map((e) => e.message));
  });

  it("produces exactly the requested count, in batches of batchSize", () => {
    expect(events).toHaveLength(20_000);
    for (const n of [0, 1, 7, 1_999, 2_000, 12_345]) {
      const sizes = [...generateDemo({ events: n, now: NOW, batchSize: 1_000 })].map((b) => b.length);
      expect(sizes.reduce((s, x) => s + x, 0)).toBe(n);
      expect(sizes.every((s, i) => s === 1_000 || i === sizes.length - 1)).toBe(true);
    }
  });

  it("mixes all five layers in roughly the stated proportions", () => {
    const share = Object.fromEntries(LAYERS.map((l) => [l, events.filter((e) => e.layer === l).length / events.length]));
    expect(share.container).toBeGreaterThan(0.5);
    expect(share.container).toBeLessThan(0.6);
    expect(share.audit).toBeGreaterThan(0.22);
    expect(share.audit).toBeLessThan(0.29);
    expect(share["k8s-event"]).toBeGreaterThan(0.08);
    expect(share["k8s-event"]).toBeLessThan(0.12);
    expect(share.node).toBeGreaterThan(0.06);
    expect(share.node).toBeLessThan(0.1);
    expect(share.runtime).toBeGreaterThan(0.01);
    expect(share.runtime).toBeLessThan(0.035);
  });

  it("has mostly info severities with some warnings, errors and 403s", () => {
    const count = (f: (e: NormalizedEvent) => boolean) => events.filter(f).length;
    expect(count((e) => e.severity === "info") / events.length).toBeGreaterThan(0.7);
    expect(count((e) => e.severity === "warning")).toBeGreaterThan(100);
    expect(count((e) => e.severity === "error")).toBeGreaterThan(20);
    expect(count((e) => e.code === 403)).toBeGreaterThan(20);
    expect(new Set(events.map((e) => e.cluster))).toEqual(new Set(["prod-eu-1", "prod-us-1", "staging"]));
  });

  it("keeps timestamps inside the window, ascending, denser toward now", () => {
    const start = NOW.getTime() - DAY_MS;
    let prev = 0;
    for (const e of events) {
      const t = e.ts.getTime();
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThanOrEqual(NOW.getTime());
      expect(t).toBeGreaterThanOrEqual(prev);
      prev = t;
    }
    const firstHours = events.filter((e) => e.ts.getTime() < start + 6 * 3_600_000).length;
    const lastHours = events.filter((e) => e.ts.getTime() >= NOW.getTime() - 6 * 3_600_000).length;
    expect(lastHours).toBeGreaterThan(firstHours);
    const short = collect({ events: 5_000, now: NOW, windowMs: 3_600_000 });
    expect(short.every((e) => e.ts.getTime() >= NOW.getTime() - 3_600_000 && e.ts.getTime() <= NOW.getTime())).toBe(true);
  });

  it("passes basic shape checks on every event", () => {
    for (const e of events) {
      expect(e.cluster).toBeTruthy();
      expect(e.message).toBeTruthy();
      expect(e.source).toBeTruthy();
      expect(LAYERS).toContain(e.layer);
      expect(SEVERITIES).toContain(e.severity);
      expect(e.ts).toBeInstanceOf(Date);
      expect(Number.isNaN(e.ts.getTime())).toBe(false);
      expect(typeof e.attributes).toBe("object");
    }
    const sources = new Set(events.map((e) => `${e.layer}:${e.source}`));
    expect(sources).toEqual(new Set(["audit:k8s-audit", "k8s-event:k8s-events", "container:fluent-bit", "node:journald", "runtime:falco"]));
    const container = events.find((e) => e.layer === "container")!;
    expect(container.pod && container.namespace && container.container && container.node && container.image).toBeTruthy();
    expect((container.attributes.kubernetes as Record<string, unknown>).docker_id).toMatch(/^[0-9a-f]{64}$/);
  });

  it("never emits two records a content hash would merge", () => {
    const keys = new Set(events.map((e) => `${e.ts.toISOString()}|${e.message}|${JSON.stringify(e.attributes)}`));
    expect(keys.size).toBe(events.length);
  });

  describe("attack stories", () => {
    const audit = events.filter((e) => e.layer === "audit");
    const falco = events.filter((e) => e.layer === "runtime");
    const rule = (e: NormalizedEvent) => e.attributes.rule;

    it("(a) stolen payments-api token: secret listing 403s, exec (101), terminal shell on that pod, shell output, secret reads", () => {
      const thief = audit.filter((e) => e.actor === "system:serviceaccount:payments:payments-api" && e.sourceIp === "203.0.113.77");
      expect(thief.filter((e) => e.resource === "secrets" && e.code === 403).length).toBeGreaterThanOrEqual(2);
      const exec = thief.find((e) => e.verb === "create" && e.resource === "pods" && e.subresource === "exec");
      expect(exec?.code).toBe(101);
      expect(exec?.container).toBe("payments-api");
      const shell = falco.find((e) => rule(e) === "Terminal shell in container" && e.pod === exec!.objectName && e.cluster === exec!.cluster);
      expect(shell).toBeDefined();
      expect(events.some((e) => e.layer === "container" && e.pod === exec!.objectName && e.message.includes("job control"))).toBe(true);
      expect(thief.some((e) => e.verb === "get" && e.resource === "secrets" && e.code === 200 && e.ts > shell!.ts)).toBe(true);
    });

    it("(b) anonymous 401/403 burst from one address", () => {
      const burst = audit.filter((e) => e.sourceIp === "203.0.113.199");
      expect(burst.filter((e) => e.code === 401).length).toBeGreaterThan(10);
      expect(burst.filter((e) => e.code === 403 && e.actor === "system:anonymous").length).toBeGreaterThan(20);
    });

    it("(c) ClusterRoleBinding to cluster-admin, then use of it", () => {
      const crb = audit.find((e) => e.verb === "create" && e.resource === "clusterrolebindings");
      expect(crb?.actor).toBe("dave@corp.example");
      expect(JSON.stringify(crb?.attributes.requestObject)).toContain('"name":"cluster-admin"');
      expect(audit.some((e) => e.actor === "dave@corp.example" && e.subresource === "exec" && e.code === 101)).toBe(true);
    });

    it("(d) privileged hostPath pod in kube-system, attached to", () => {
      const create = audit.find((e) => e.verb === "create" && e.resource === "pods" && !e.subresource && e.namespace === "kube-system");
      const spec = JSON.stringify(create?.attributes.requestObject);
      expect(spec).toContain('"privileged":true');
      expect(spec).toContain('"path":"/"');
      expect(audit.some((e) => e.subresource === "attach" && e.code === 101 && e.namespace === "kube-system")).toBe(true);
      expect(falco.some((e) => rule(e) === "Write below etc")).toBe(true);
    });

    it("(e) sshd brute force then sudo on a node", () => {
      const node = events.filter((e) => e.layer === "node");
      const failed = node.filter((e) => e.sourceIp === "203.0.113.23" && e.message.includes("Failed password"));
      expect(failed.length).toBeGreaterThan(20);
      const accepted = node.find((e) => e.message.includes("Accepted password for ec2-user from 203.0.113.23"));
      expect(accepted).toBeDefined();
      expect(node.some((e) => e.node === accepted!.node && e.message.includes("COMMAND=/bin/bash") && e.ts >= accepted!.ts)).toBe(true);
    });

    it("gives the built-in exec rule several hits", () => {
      const hits = audit.filter((e) => e.verb === "create" && e.resource === "pods" && (e.subresource === "exec" || e.subresource === "attach"));
      expect(hits.filter((e) => e.code === 101).length).toBeGreaterThanOrEqual(5);
    });
  });
});
