import { describe, expect, it } from "vitest";
import { ContextParams, durationMs, FacetsParams, HistogramStackParams, NewSavedSearch } from "./schemas";
import { decodeTailSince, encodeTailCursor } from "./tail";
import { defaultScope } from "./context";
import { FACETABLE_FIELDS } from "./facets";

describe("search endpoint parameters", () => {
  it("durations for the context window", () => {
    expect(durationMs("30s")).toBe(30_000);
    expect(durationMs("5m")).toBe(300_000);
    expect(durationMs("24h")).toBe(86_400_000);
    expect(durationMs("25h")).toBeNull();
    expect(durationMs("0m")).toBeNull();
    expect(durationMs("5 m")).toBeNull();
    expect(ContextParams.parse({})).toMatchObject({ lines: 20, window: "5m", limit: 1000 });
    expect(() => ContextParams.parse({ scope: "galaxy" })).toThrow();
  });

  it("facet fields default to the key fields and are deduplicated", () => {
    expect(FacetsParams.parse({}).fields).toEqual(["cluster", "layer", "severity", "namespace", "pod", "node", "actor", "verb", "resource", "code"]);
    expect(FacetsParams.parse({ fields: "pod, pod,ns" }).fields).toEqual(["pod", "ns"]);
    expect(FACETABLE_FIELDS).toContain("namespace");
    expect(FACETABLE_FIELDS).toContain("code");
    expect(FACETABLE_FIELDS).not.toContain("message");
    expect(FACETABLE_FIELDS).not.toContain("ts");
  });

  it("histogram stacks by layer unless told severity", () => {
    expect(HistogramStackParams.parse({}).stack).toBe("layer");
    expect(HistogramStackParams.parse({ stack: "severity" }).stack).toBe("severity");
    expect(() => HistogramStackParams.parse({ stack: "pod" })).toThrow();
  });

  it("tail cursors round-trip; ISO and relative times are accepted; garbage is not", () => {
    expect(decodeTailSince(encodeTailCursor(1764158400123456n))).toBe(1764158400123456n);
    expect(decodeTailSince("2026-11-26T12:00:00Z")).toBe(BigInt(Date.parse("2026-11-26T12:00:00Z")) * 1000n);
    expect(decodeTailSince("now-1m", 1_000_000)).toBe(940_000_000n);
    expect(() => decodeTailSince(Buffer.from("tail:1; DROP TABLE events").toString("base64url"))).toThrow();
    expect(() => decodeTailSince("yesterday")).toThrow();
  });

  it("context defaults to the narrowest entity the event has", () => {
    expect(defaultScope({ namespace: "a", pod: "p", container: "c", node: "n" })).toBe("container");
    expect(defaultScope({ namespace: "a", pod: "p", container: null, node: "n" })).toBe("pod");
    expect(defaultScope({ namespace: null, pod: null, container: null, node: "n" })).toBe("node");
    expect(defaultScope({ namespace: null, pod: null, container: null, node: null })).toBe("cluster");
  });

  it("saved searches need a name and valid time expressions; columns must be fields", () => {
    expect(NewSavedSearch.parse({ name: " x ", query: "", from: "now-1h", to: "now" }).name).toBe("x");
    expect(() => NewSavedSearch.parse({ name: "x", query: "", from: "now-1h", to: "now", columns: ["attributes.user.username", "ts"] })).not.toThrow();
    expect(() => NewSavedSearch.parse({ name: "x", query: "", from: "now-1h", to: "now", columns: ["password_hash"] })).toThrow();
    expect(() => NewSavedSearch.parse({ name: "a\u0000b", query: "", from: "now-1h", to: "now" })).toThrow();
  });
});
