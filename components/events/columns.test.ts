import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS, formatCellTime, resolveColumns } from "./columns";

describe("table columns", () => {
  it("uses the defaults when the URL names none", () => {
    expect(resolveColumns(null).map((c) => c.id)).toEqual(DEFAULT_COLUMNS);
  });

  it("keeps time first and message last, drops unknown ids", () => {
    expect(resolveColumns(["message", "actor", "bogus", "verb"]).map((c) => c.id)).toEqual(["ts", "actor", "verb", "message"]);
    expect(resolveColumns(["cluster"]).map((c) => c.id)).toEqual(["ts", "cluster"]);
  });

  it("formats cell times compactly in local time, with milliseconds", () => {
    const d = new Date(2025, 0, 5, 3, 4, 5, 67);
    expect(formatCellTime(d.toISOString())).toBe("01-05 03:04:05.067");
    expect(formatCellTime("garbage")).toBe("—");
  });
});
