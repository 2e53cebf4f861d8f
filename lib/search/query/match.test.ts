import { describe, expect, it } from "vitest";
import { parseQuery } from "./parse";
import { compileMatcher } from "./match";

const exec = {
  ts: new Date(), cluster: "prod", layer: "audit", verb: "create", resource: "pods", subresource: "exec", namespace: "payments",
  pod: "api-1", actor: "system:serviceaccount:payments:api", code: 101, sourceIp: "203.0.113.7", message: "api create pods/exec payments/api-1",
  attributes: { user: { groups: ["system:serviceaccounts", "system:authenticated"] }, userAgent: "kubectl/v1.30" },
};
const m = (q: string) => compileMatcher(parseQuery(q))(exec);

describe("compileMatcher", () => {
  it("matches the built-in exec rule query", () => {
    expect(m("verb:create AND resource:pods AND subresource:(exec OR attach)")).toBe(true);
    expect(m("verb:create AND resource:pods AND subresource:(log OR attach)")).toBe(false);
  });
  it("wildcards, negation, comparisons, existence", () => {
    expect(m("actor:system:serviceaccount:*")).toBe(true);
    expect(m("-namespace:kube-*")).toBe(true);
    expect(m("code>=400")).toBe(false);
    expect(m("code<200")).toBe(true);
    expect(m("_exists_:container")).toBe(false);
    expect(m("_exists_:pod")).toBe(true);
  });
  it("attributes paths, arrays and CIDR", () => {
    expect(m("attributes.user.groups:system:authenticated")).toBe(true);
    expect(m("attributes.userAgent:kubectl*")).toBe(true);
    expect(m("source_ip:203.0.113.0/24")).toBe(true);
    expect(m("source_ip:10.0.0.0/8")).toBe(false);
  });
  it("full-text words and phrases", () => {
    expect(m("pods exec")).toBe(true);
    expect(m('"create pods"')).toBe(true);
    expect(m('"pods create"')).toBe(false);
    expect(m("paym*")).toBe(true);
  });
});
