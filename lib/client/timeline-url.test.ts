import { describe, expect, it } from "vitest";
import { absoluteParams, applyTimelinePatch, parseTimelineState } from "./timeline-url";

const sp = (s: string) => new URLSearchParams(s);

describe("timeline URL state", () => {
  it("reads defaults from an empty URL", () => {
    expect(parseTimelineState(sp(""))).toEqual({
      search: { q: "", from: "now-24h", to: "now" },
      columns: null,
      stack: "layer",
      eventId: null,
      context: null,
      live: false,
      facetsOpen: true,
    });
  });

  it("round-trips every part of the screen", () => {
    const patched = applyTimelinePatch(sp(""), {
      q: "verb:create",
      from: "now-1h",
      columns: ["ts", "message"],
      stack: "severity",
      event: "42",
      context: { id: "42", scope: "node", lines: 50, window: "15m" },
      live: true,
      facetsOpen: false,
    });
    expect(parseTimelineState(patched)).toEqual({
      search: { q: "verb:create", from: "now-1h", to: "now" },
      columns: ["ts", "message"],
      stack: "severity",
      eventId: "42",
      context: { id: "42", scope: "node", lines: 50, window: "15m" },
      live: true,
      facetsOpen: false,
    });
  });

  it("leaves defaults out of the URL and clears with null", () => {
    const s = applyTimelinePatch(sp("q=x&stack=severity&live=1&facets=0&event=1"), {
      from: "now-24h", stack: "layer", live: false, facetsOpen: true, event: null,
      context: { id: "7", scope: "pod", lines: 20, window: "5m" },
    });
    expect(s.toString()).toBe("q=x&context=7&scope=pod");
  });

  it("ignores malformed values", () => {
    const st = parseTimelineState(sp("context=1;drop&stack=evil&columns=time,<x>,message"));
    expect(st.context).toBeNull();
    expect(st.stack).toBe("layer");
    expect(st.columns).toEqual(["time", "message"]);
    expect(parseTimelineState(sp("context=9&scope=galaxy&lines=-3&window=forever")).context).toEqual({ id: "9", scope: "pod", lines: 20, window: "5m" });
  });

  it("freezes relative times for 'copy link with absolute time' and turns live off", () => {
    const now = Date.parse("2025-06-01T12:00:00.000Z");
    const out = absoluteParams(sp("q=a&from=now-1h&live=1"), null, now);
    expect(out.get("from")).toBe("2025-06-01T11:00:00.000Z");
    expect(out.get("to")).toBe("2025-06-01T12:00:00.000Z");
    expect(out.get("live")).toBeNull();
    expect(out.get("q")).toBe("a");
  });

  it("prefers the server's resolved window and keeps absolute times as typed", () => {
    const out = absoluteParams(sp("from=2025-01-01T00:00:00.123456Z&to=now"), { from: "x", to: "2025-06-01T12:00:00.500Z" });
    expect(out.get("from")).toBe("2025-01-01T00:00:00.123456Z");
    expect(out.get("to")).toBe("2025-06-01T12:00:00.500Z");
  });
});
