import { describe, expect, it } from "vitest";
import { parseQuery } from "@/lib/search/query/parse";
import { addFilter, filterClause, hasClause, quoteValue } from "./query-edit";

describe("quoteValue", () => {
  it("leaves plain identifiers bare and quotes everything else so it reads back exactly", () => {
    expect(quoteValue("kube-system")).toBe("kube-system");
    expect(quoteValue("system:serviceaccount:payments:api")).toBe('"system:serviceaccount:payments:api"');
    expect(quoteValue("secret-*")).toBe('"secret-*"');
    expect(quoteValue('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(quoteValue("OR")).toBe('"OR"');
  });

  it("round-trips through the parser as a non-wildcard term", () => {
    for (const v of ["/api/", "/etc/shadow", "a b", 'q"uote', "back\\slash", "x*y", "(paren)", "OR", "ns/pod", "10.0.0.1"]) {
      const ast = parseQuery(`actor:${quoteValue(v)}`);
      expect(ast).toMatchObject({ type: "term", field: "actor", value: v, wildcard: false });
    }
  });
});

describe("filterClause", () => {
  it("negates with '-' and uses _exists_ for empty values", () => {
    expect(filterClause("namespace", "payments", false)).toBe("namespace:payments");
    expect(filterClause("namespace", "payments", true)).toBe("-namespace:payments");
    expect(filterClause("pod", null, false)).toBe("-_exists_:pod");
    expect(filterClause("pod", null, true)).toBe("_exists_:pod");
  });
});

describe("addFilter", () => {
  it("starts an empty query with the clause", () => {
    expect(addFilter("  ", "layer", "audit", false)).toBe("layer:audit");
  });

  it("ANDs onto a conjunction, once", () => {
    expect(addFilter("exec pod:api", "layer", "audit", false)).toBe("exec pod:api layer:audit");
    expect(addFilter("exec layer:audit", "layer", "audit", false)).toBe("exec layer:audit");
  });

  it("replaces the opposite clause", () => {
    expect(addFilter("exec -layer:audit", "layer", "audit", false)).toBe("exec layer:audit");
    expect(addFilter("exec layer:audit", "layer", "audit", true)).toBe("exec -layer:audit");
  });

  it("wraps a top-level OR so the filter applies to all of it", () => {
    const q = addFilter("verb:create OR verb:delete", "namespace", "prod", false);
    expect(q).toBe("(verb:create OR verb:delete) namespace:prod");
    expect(parseQuery(q)).toMatchObject({ type: "and" });
  });

  it("leaves quoted phrases and groups intact", () => {
    expect(addFilter('"a b" (x OR y)', "verb", "get", true)).toBe('"a b" (x OR y) -verb:get');
  });
});

describe("hasClause", () => {
  it("matches whole clauses only", () => {
    expect(hasClause("exec layer:audit", "layer:audit")).toBe(true);
    expect(hasClause("(layer:audit OR x)", "layer:audit")).toBe(true);
    expect(hasClause("exec -layer:audit", "layer:audit")).toBe(false);
    expect(hasClause("layer:auditx", "layer:audit")).toBe(false);
  });
});
