import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CSV_COLUMNS, csvCell, csvHeader, csvRow, ndjsonRow, neutralizeCell } from "./export-format";
import type { StoredEvent } from "@/lib/events/types";

const event: StoredEvent = {
  id: "7", ts: "2026-11-26T12:00:00.123456Z", receivedAt: "2026-11-26T12:00:01.000Z", cluster: "prod", layer: "audit", source: "k8s-audit",
  severity: "info", node: null, namespace: "shop", pod: "api-1", container: null, workload: null, actor: "=evil()", actorType: "user",
  impersonated: null, verb: "get", resource: "pods", subresource: null, objectName: "api-1", code: 200, sourceIp: "10.0.0.1",
  message: 'said "hi", then\nleft', attributes: { a: [1, "x"] }, flags: ["audit-id-reused", "b"],
};

describe("CSV cells", () => {
  it.each([
    ["=1+1", "'=1+1"], ["+1", "'+1"], ["-1", "'-1"], ["@SUM(A1)", "'@SUM(A1)"], ["\tx", "'\tx"], ["\rx", "'\rx"], ["a=b", "a=b"], ["", ""],
  ])("neutralizes %j", (input, out) => expect(neutralizeCell(input)).toBe(out));

  it("quotes per RFC 4180 only when needed", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvCell("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
  });

  it("no cell of any input starts a formula, and every row parses back to its cells", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", '"', ",", "a", " ", "'") }), (s) => {
        const cell = csvCell(s);
        const inner = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        expect(/^[=+\-@\t\r]/.test(inner)).toBe(false);
        expect(inner === s || inner === "'" + s).toBe(true);
        if (!cell.startsWith('"')) expect(cell).not.toMatch(/[",\r\n]/);
      }),
    );
  });
});

describe("rows", () => {
  it("CSV row: typed columns in header order, attributes as JSON, flags joined", () => {
    expect(csvHeader()).toBe(CSV_COLUMNS.join(",") + "\r\n");
    const row = csvRow(event);
    expect(row.endsWith("\r\n")).toBe(true);
    expect(row).toContain(",'=evil(),");
    expect(row).toContain(',"said ""hi"", then\nleft",audit-id-reused;b,"{""a"":[1,""x""]}"');
    expect(row.startsWith("7,2026-11-26T12:00:00.123456Z,")).toBe(true);
  });

  it("NDJSON row: the API's event, one line", () => {
    const line = ndjsonRow(event);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual(event);
  });
});
