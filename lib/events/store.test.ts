import { describe, expect, it } from "vitest";
import { eventHash } from "./store";
import { cleanJson, cleanText } from "./sanitize";
import { dayStart, partitionName } from "./partitions";
import { emptyEvent } from "./types";

describe("event hashing and sanitizing", () => {
  const base = emptyEvent({ ts: new Date("2026-11-26T10:00:00.123Z"), cluster: "c", layer: "audit", source: "k8s-audit", message: "m" });
  it("same content → same hash; any difference → different hash", () => {
    const a = eventHash(base, '{"auditID":"1"}');
    expect(eventHash({ ...base }, '{"auditID":"1"}')).toBe(a);
    expect(eventHash(base, '{"auditID":"2"}')).not.toBe(a);
    expect(eventHash({ ...base, cluster: "d" }, '{"auditID":"1"}')).not.toBe(a);
    expect(eventHash({ ...base, tsText: "2026-11-26T10:00:00.123456Z" }, '{"auditID":"1"}')).not.toBe(a);
  });
  it("replaces NUL, which PostgreSQL cannot store, without touching escaped backslashes", () => {
    expect(cleanText("a\u0000b")).toBe("a\uFFFDb");
    expect(cleanJson(JSON.stringify({ s: "a\u0000b" }))).toBe('{"s":"a\\ufffdb"}');
    const literal = JSON.stringify({ s: "a\\u0000b" }); // the six characters \u0000, not NUL
    expect(cleanJson(literal)).toBe(literal);
  });
  it("names daily partitions in UTC", () => {
    expect(partitionName(dayStart(new Date("2026-11-26T23:59:59Z")))).toBe("events_p20261126");
    expect(partitionName(dayStart(new Date("2019-01-01T00:00:00Z")))).toBe("events_p20190101");
  });
});
