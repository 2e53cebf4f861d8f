import { describe, expect, it } from "vitest";
import { parseTime } from "./time";
import { bucketSeconds, decodeCursor, encodeCursor, usToIso } from "./events";

describe("time expressions and paging helpers", () => {
  const now = Date.parse("2026-11-26T12:00:00Z");
  it("parses relative and absolute times, rejects the rest", () => {
    expect(parseTime("now", now)?.toISOString()).toBe("2026-11-26T12:00:00.000Z");
    expect(parseTime("now-15m", now)?.toISOString()).toBe("2026-11-26T11:45:00.000Z");
    expect(parseTime("now-7d", now)?.toISOString()).toBe("2026-11-19T12:00:00.000Z");
    expect(parseTime("2026-01-02T03:04:05Z", now)?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
    expect(parseTime("yesterday", now)).toBeNull();
    expect(parseTime("2026-13-45", now)).toBeNull();
  });
  it("keeps about 100 histogram buckets", () => {
    expect(bucketSeconds(15 * 60_000)).toBe(10);
    expect(bucketSeconds(24 * 3_600_000)).toBe(900);
    expect(bucketSeconds(7 * 86_400_000)).toBe(7200);
  });
  it("round-trips cursors and rejects forged ones", () => {
    const c = { tsUs: "1764158400123456", id: "42" };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    expect(() => decodeCursor(Buffer.from("1; DROP TABLE events").toString("base64url"))).toThrow();
  });
  it("formats microseconds exactly", () => {
    expect(usToIso("1540561114902914")).toBe("2018-10-26T13:38:34.902914Z");
  });
});
