import { describe, expect, it } from "vitest";
import { isoToUs } from "./event-refs";
import { usToIso } from "@/lib/search/events";

describe("isoToUs", () => {
  it("keeps microseconds that a Date would drop, and round-trips with usToIso", () => {
    const iso = "2026-11-27T10:15:30.123456Z";
    expect(isoToUs(iso)).toBe("1795774530123456");
    expect(usToIso(isoToUs(iso)!)).toBe(iso);
    expect(isoToUs("2026-11-27T11:15:30.5+01:00")).toBe("1795774530500000");
    expect(isoToUs("2026-11-27T10:15:30Z")).toBe("1795774530000000");
  });

  it("refuses times without a zone or that are not times", () => {
    expect(isoToUs("2026-11-27T10:15:30")).toBeNull();
    expect(isoToUs("now-1h")).toBeNull();
    expect(isoToUs("1; DROP TABLE events")).toBeNull();
  });
});
