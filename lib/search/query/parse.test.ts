import { describe, expect, it } from "vitest";
import { parseQuery } from "./parse";
import { QuerySyntaxError } from "./ast";

describe("parseQuery", () => {
  it("empty query matches everything", () => {
    expect(parseQuery("   ")).toEqual({ type: "all" });
  });

  it("bare words are full-text terms joined by AND", () => {
    const n = parseQuery("shell spawned");
    expect(n).toMatchObject({ type: "and", children: [{ type: "term", field: null, value: "shell" }, { type: "term", field: null, value: "spawned" }] });
  });

  it("field:value, quoted phrases and wildcards", () => {
    expect(parseQuery("namespace:kube-*")).toMatchObject({ type: "term", field: "namespace", value: "kube-*", wildcard: true });
    expect(parseQuery('message:"Failed password"')).toMatchObject({ type: "term", field: "message", value: "Failed password", quoted: true });
    expect(parseQuery("actor:system:serviceaccount:payments:api")).toMatchObject({ field: "actor", value: "system:serviceaccount:payments:api" });
  });

  it("boolean operators, negation and precedence (AND binds tighter than OR)", () => {
    const n = parseQuery("verb:get OR verb:list AND NOT code:200");
    expect(n).toMatchObject({ type: "or", children: [{ type: "term", value: "get" }, { type: "and", children: [{ value: "list" }, { type: "not" }] }] });
    expect(parseQuery("-layer:audit")).toMatchObject({ type: "not", child: { field: "layer", value: "audit" } });
  });

  it("lists, comparisons and existence", () => {
    expect(parseQuery("verb:(create OR patch)")).toMatchObject({ type: "or", children: [{ field: "verb", value: "create" }, { field: "verb", value: "patch" }] });
    expect(parseQuery("code>=400")).toMatchObject({ type: "cmp", field: "code", op: ">=", value: "400" });
    expect(parseQuery("code:>=400")).toMatchObject({ type: "cmp", op: ">=" });
    expect(parseQuery("_exists_:pod")).toEqual({ type: "exists", field: "pod" });
    expect(parseQuery("attributes.user.groups:system:masters")).toMatchObject({ field: "attributes.user.groups", value: "system:masters" });
  });

  it("lowercase and/or are plain words", () => {
    expect(parseQuery("rock and roll")).toMatchObject({ type: "and", children: [{ value: "rock" }, { value: "and" }, { value: "roll" }] });
  });

  it.each([
    ["verb:(create OR", "expected a term after OR"],
    ["verb:(create", "missing ')'"],
    ['message:"unterminated', "unterminated quoted phrase"],
    ["nosuchfield:x", "unknown field 'nosuchfield'"],
    ["a )", "unexpected ')'"],
    ["verb:", "expected a value"],
    ["a AND", "expected a term after AND"],
  ])("reports %s with a position", (q, msg) => {
    try {
      parseQuery(q);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(QuerySyntaxError);
      expect((err as QuerySyntaxError).message).toContain(msg);
      expect((err as QuerySyntaxError).position).toBeGreaterThanOrEqual(0);
      expect((err as QuerySyntaxError).position).toBeLessThanOrEqual(q.length);
    }
  });

  it("suggests a close field name", () => {
    try {
      parseQuery("namespce:x");
    } catch (err) {
      expect((err as QuerySyntaxError).hint).toContain("namespace");
    }
  });
});

describe("parseQuery: regexes and paths", () => {
  it("reads /pattern/ and /pattern/i after a field", () => {
    expect(parseQuery("attributes.userAgent:/curl|wget/i")).toMatchObject({ type: "regex", field: "attributes.userAgent", pattern: "curl|wget", flags: "i" });
    expect(parseQuery("verb:(/^get$/ OR list)")).toMatchObject({ type: "or", children: [{ type: "regex", pattern: "^get$" }, { type: "term", value: "list" }] });
    expect(parseQuery("attributes.requestURI:/a\\/b/")).toMatchObject({ type: "regex", pattern: "a\\/b" });
  });

  it("a value that only starts with a slash stays a plain value", () => {
    expect(parseQuery("attributes.requestURI:/api/v1/pods")).toMatchObject({ type: "term", value: "/api/v1/pods" });
    expect(parseQuery("attributes.path:(/etc OR /)")).toMatchObject({ type: "or", children: [{ value: "/etc" }, { value: "/" }] });
    expect(parseQuery("attributes.requestObject.data.*:x")).toMatchObject({ type: "term", field: "attributes.requestObject.data.*" });
  });

  it.each([
    ["attributes.a:/(a+)+/", "nested quantifiers"],
    ["attributes.a:/\\bword/", "is not supported"],
    ["attributes.a:/(?<n>x)/", "lookahead and lookbehind"],
    ["attributes.a:/[[:alpha:]]/", "POSIX classes"],
    ["attributes.a:/a{300}/", "above 255"],
    ["attributes.a:/(/", "invalid regular expression"],
    ["ts:/2026/", "cannot be matched"],
  ])("refuses %s", (q, msg) => {
    expect(() => parseQuery(q)).toThrow(msg);
  });
});

describe("parseQuery: lists", () => {
  it("values inside field:( … ) may contain colons", () => {
    expect(parseQuery("actor:(system:anonymous OR eks:*)")).toMatchObject({ type: "or", children: [{ field: "actor", value: "system:anonymous" }, { field: "actor", value: "eks:*", wildcard: true }] });
  });
});
