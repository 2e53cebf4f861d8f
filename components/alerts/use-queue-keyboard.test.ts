import { describe, expect, it } from "vitest";
import { queueKeyAction } from "./use-queue-keyboard";

/** A stand-in for an event target: only `closest` and `isContentEditable` are read. */
function target(matches: string[] = [], editable = false) {
  return {
    isContentEditable: editable,
    closest: (sel: string) => (sel.split(",").some((s) => matches.includes(s.trim())) ? {} : null),
  } as unknown as EventTarget;
}
const key = (k: string, over: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: target(),
  ...over,
});

describe("queue shortcuts", () => {
  it("maps the documented keys", () => {
    expect(queueKeyAction(key("j"), false)).toBe("down");
    expect(queueKeyAction(key("k"), false)).toBe("up");
    expect(queueKeyAction(key("x"), false)).toBe("toggle");
    expect(queueKeyAction(key("a"), false)).toBe("acknowledge");
    expect(queueKeyAction(key("r"), false)).toBe("resolve");
    expect(queueKeyAction(key("e"), false)).toBe("assignToMe");
    expect(queueKeyAction(key("/"), false)).toBe("search");
    expect(queueKeyAction(key("?"), false)).toBe("help");
    expect(queueKeyAction(key("q"), false)).toBeNull();
  });

  it("stays out of the way while typing, with modifiers, and over dialogs", () => {
    expect(queueKeyAction(key("a", { target: target(["input"]) }), false)).toBeNull();
    expect(queueKeyAction(key("r", { target: target(["textarea"]) }), false)).toBeNull();
    expect(queueKeyAction(key("x", { target: target([], true) }), false)).toBeNull();
    expect(queueKeyAction(key("a", { ctrlKey: true }), false)).toBeNull();
    expect(queueKeyAction(key("r", { metaKey: true }), false)).toBeNull();
    expect(queueKeyAction(key("j"), true)).toBeNull();
  });

  it("leaves Enter to links and buttons", () => {
    expect(queueKeyAction(key("Enter", { target: target(["a"]) }), false)).toBeNull();
    expect(queueKeyAction(key("Enter"), false)).toBe("open");
  });
});
