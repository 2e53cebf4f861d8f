import { describe, expect, it } from "vitest";
import { describeActivity } from "./incident-activity";

describe("incident activity lines", () => {
  it("says what changed, from and to", () => {
    expect(describeActivity("incident.update", { changes: { status: { from: "open", to: "contained" }, title: { from: "a", to: "b" } } })).toBe(
      "changed status: open → contained; title: a → b",
    );
  });

  it("names pinned evidence with its absolute window", () => {
    expect(describeActivity("evidence.add", { kind: "search", query: "pod:x", from: "2026-01-01T00:00:00.000Z", to: "2026-01-01T01:00:00.000Z" })).toBe(
      "attached search pod:x (2026-01-01T00:00:00.000Z → 2026-01-01T01:00:00.000Z)",
    );
    expect(describeActivity("evidence.add", { kind: "event", eventId: "42" })).toBe("pinned event 42");
    expect(describeActivity("alerts.add", { alertIds: [3] })).toBe("added alert #3");
  });

  it("keeps unknown actions readable as plain text", () => {
    expect(describeActivity("something.new", { a: "<b>x</b>" })).toBe('something.new {"a":"<b>x</b>"}');
    expect(describeActivity("incident.create", null)).toBe("created the incident");
  });
});
