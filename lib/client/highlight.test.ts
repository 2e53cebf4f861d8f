import { describe, expect, it } from "vitest";
import { highlightTerms, splitHighlights, termsFor } from "./highlight";

describe("highlightTerms", () => {
  it("takes bare words, phrases and field values, not negated terms", () => {
    const t = highlightTerms('exec "shell spawned" pod:api-5d8f name:secret-* -verb:get NOT noisy');
    expect(t.any.sort()).toEqual(["exec", "shell spawned"]);
    expect(t.fields).toEqual({ pod: ["api-5d8f"], objectName: ["secret-"] });
    expect(t.fields.verb).toBeUndefined();
  });

  it("walks OR groups and field groups, ignores comparisons and _exists_", () => {
    const t = highlightTerms("verb:(create OR patch) code>=400 _exists_:pod");
    expect(t.fields).toEqual({ verb: ["create", "patch"] });
    expect(t.any).toEqual([]);
  });

  it("returns nothing for an unparsable query", () => {
    expect(highlightTerms("verb:(create")).toEqual({ any: [], fields: {} });
  });

  it("takes a field's regular expression for that field's cell, with its flags", () => {
    const t = highlightTerms("actor:/^system:serviceaccount:ci:/ message:/curl|wget/i attributes.userAgent:/x/");
    expect(t.fields.actor).toEqual([/^system:serviceaccount:ci:/su]);
    expect(t.fields.message).toEqual([/curl|wget/isu]);
    expect(Object.keys(t.fields).sort()).toEqual(["actor", "message"]);
  });

  it("applies field terms only to their own cell", () => {
    const t = highlightTerms("exec pod:api");
    expect(termsFor(t, "pod")).toEqual(["exec", "api"]);
    expect(termsFor(t, "namespace")).toEqual(["exec"]);
  });
});

describe("splitHighlights", () => {
  it("marks every case-insensitive occurrence", () => {
    expect(splitHighlights("Exec into pod; EXEC again", ["exec"])).toEqual([
      { text: "Exec", match: true },
      { text: " into pod; ", match: false },
      { text: "EXEC", match: true },
      { text: " again", match: false },
    ]);
  });

  it("prefers the longest term and treats regex characters literally", () => {
    expect(splitHighlights("a.b+c a.b", ["a.b", "a.b+c"])).toEqual([
      { text: "a.b+c", match: true },
      { text: " ", match: false },
      { text: "a.b", match: true },
    ]);
    expect(splitHighlights("axb", ["a.b"])).toEqual([{ text: "axb", match: false }]);
  });

  it("marks regular expression matches with their own flags, merged with literal matches", () => {
    expect(splitHighlights("ran CURL then wget x", [/curl|wget/i])).toEqual([
      { text: "ran ", match: false },
      { text: "CURL", match: true },
      { text: " then ", match: false },
      { text: "wget", match: true },
      { text: " x", match: false },
    ]);
    expect(splitHighlights("ran CURL", [/curl/])).toEqual([{ text: "ran CURL", match: false }]);
    // overlapping literal and pattern: one run
    expect(splitHighlights("get secrets now", ["secrets", /get sec/])).toEqual([
      { text: "get secrets", match: true },
      { text: " now", match: false },
    ]);
    expect(splitHighlights("abc", [/(?=b)/])).toEqual([{ text: "abc", match: false }]);
  });

  it("keeps markup as plain text", () => {
    const segs = splitHighlights("<img src=x onerror=alert(1)>", ["img"]);
    expect(segs.map((s) => s.text).join("")).toBe("<img src=x onerror=alert(1)>");
    expect(segs.filter((s) => s.match)).toEqual([{ text: "img", match: true }]);
  });
});
