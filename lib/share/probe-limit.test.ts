import { beforeEach, describe, expect, it } from "vitest";
import { MAX_MISSES, WINDOW_MS, clientIp, recordMiss, resetProbeLimit, retryAfterSeconds } from "./probe-limit";

describe("share token probe limit", () => {
  beforeEach(() => resetProbeLimit());

  it("blocks an address after too many misses, for the rest of the window only", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < MAX_MISSES - 1; i++) recordMiss("198.51.100.7", t0);
    expect(retryAfterSeconds("198.51.100.7", t0)).toBeNull();
    recordMiss("198.51.100.7", t0);
    expect(retryAfterSeconds("198.51.100.7", t0 + 1000)).toBe(WINDOW_MS / 1000 - 1);
    expect(retryAfterSeconds("203.0.113.9", t0)).toBeNull();
    expect(retryAfterSeconds("198.51.100.7", t0 + WINDOW_MS)).toBeNull();
  });

  it("reads the first forwarded address", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.5, 10.0.0.1" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
