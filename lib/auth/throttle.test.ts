import { describe, expect, it } from "vitest";
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from "./throttle";

describe("login throttle", () => {
  it("blocks an e-mail after 10 failures in 15 minutes, then lets it try again", () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 10; i++) recordLoginFailure("a@x.test", "198.51.100.1", t0 + i);
    expect(() => assertLoginAllowed("a@x.test", "203.0.113.1", t0 + 20)).toThrow(/too many/);
    expect(() => assertLoginAllowed("b@x.test", "198.51.100.1", t0 + 20)).toThrow(/too many/); // same address
    expect(() => assertLoginAllowed("b@x.test", "203.0.113.1", t0 + 20)).not.toThrow();
    expect(() => assertLoginAllowed("a@x.test", "203.0.113.1", t0 + 16 * 60_000)).not.toThrow();
    clearLoginFailures("a@x.test");
  });
});
