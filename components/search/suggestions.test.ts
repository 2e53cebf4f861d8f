import { describe, expect, it } from "vitest";
import { applySuggestion, suggest } from "./suggestions";

describe("search box suggestions", () => {
  it("offers field names for the word under the cursor", () => {
    const r = suggest("exec nam", 8);
    expect(r.items.map((s) => s.label)).toEqual(["namespace:", "name:"]);
    expect(applySuggestion("exec nam", r, r.items[0])).toEqual({ text: "exec namespace:", cursor: 15 });
  });

  it("offers known values after field:", () => {
    const r = suggest("layer:au", 8);
    expect(r.items.map((s) => s.label)).toEqual(["audit"]);
    expect(applySuggestion("layer:au", r, r.items[0]).text).toBe("layer:audit ");
    expect(suggest("severity:", 9).items).toHaveLength(8);
  });

  it("keeps a leading '-' and the rest of the query", () => {
    const text = "-ver AND pod:x";
    const r = suggest(text, 4);
    expect(r.items[0].label).toBe("verb:");
    expect(applySuggestion(text, r, r.items[0]).text).toBe("-verb: AND pod:x");
  });

  it("completes field names after _exists_: and inside parentheses", () => {
    expect(suggest("_exists_:po", 11).items.map((s) => s.insert)).toEqual(["_exists_:pod "]);
    expect(suggest("(clu", 4).items.map((s) => s.label)).toEqual(["cluster:"]);
  });

  it("stays quiet for keywords, phrases and free text values", () => {
    expect(suggest("a OR", 4).items).toEqual([]);
    expect(suggest('"nam', 4).items).toEqual([]);
    expect(suggest("pod:ap", 6).items).toEqual([]);
    expect(suggest("", 0).items).toEqual([]);
  });
});
