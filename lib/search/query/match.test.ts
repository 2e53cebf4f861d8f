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

describe("compileMatcher: arrays on attribute paths, `*` segments and regexes", () => {
  const pod = {
    layer: "audit", verb: "create", resource: "pods", code: 201, sourceIp: "10.1.2.3", flags: ["audit-id-reused"],
    attributes: {
      requestObject: {
        spec: {
          containers: [{ name: "a", securityContext: { privileged: false } }, { name: "b", securityContext: { privileged: true, capabilities: { add: ["SYS_ADMIN"] } } }],
          volumes: [{ name: "etc", hostPath: { path: "/etc" } }, { name: "tmp", emptyDir: {} }],
        },
        data: { "app.properties": "db.password = hunter2\nmode=prod" },
      },
      responseStatus: { code: 201 },
      userAgent: "TruffleHog/3.0",
      nothing: null,
    },
  };
  const mm = (q: string) => compileMatcher(parseQuery(q))(pod);

  it("searches arrays element by element on the way and at the end", () => {
    expect(mm("attributes.requestObject.spec.containers.securityContext.privileged:true")).toBe(true);
    expect(mm("attributes.requestObject.spec.containers.name:c")).toBe(false);
    expect(mm("attributes.requestObject.spec.containers.securityContext.capabilities.add:SYS_ADMIN")).toBe(true);
    expect(mm('attributes.requestObject.spec.volumes.hostPath.path:"/etc"')).toBe(true);
    expect(mm("_exists_:attributes.requestObject.spec.volumes.hostPath")).toBe(true);
    expect(mm("_exists_:attributes.requestObject.spec.volumes.nfs")).toBe(false);
    expect(mm("attributes.requestObject.spec.containers.name:*")).toBe(true);
  });

  it("`*` takes every member of an object; JSON null does not exist", () => {
    expect(mm("attributes.requestObject.data.*:/password/")).toBe(true);
    expect(mm("attributes.requestObject.data.*:/passphrase/")).toBe(false);
    expect(mm("_exists_:attributes.nothing")).toBe(false);
  });

  it("regexes: unanchored, case flag, numbers, addresses, arrays", () => {
    expect(mm("attributes.userAgent:/trufflehog/")).toBe(false);
    expect(mm("attributes.userAgent:/trufflehog/i")).toBe(true);
    expect(mm("attributes.userAgent:/^Truffle/")).toBe(true);
    expect(mm("code:/^2\\d\\d$/")).toBe(true);
    expect(mm("attributes.responseStatus.code:/^20/")).toBe(true);
    expect(mm("source_ip:/^10\\./")).toBe(true);
    expect(mm("flags:/reused/")).toBe(true);
    expect(mm("verb:(/^upd/ OR /^cre/)")).toBe(true);
    expect(mm("attributes.requestObject.data.*:/password.*prod/")).toBe(true); // '.' crosses newlines, as in PostgreSQL
  });

  it("numeric comparisons over attribute values", () => {
    expect(mm("attributes.responseStatus.code>=200")).toBe(true);
    expect(mm("attributes.responseStatus.code>=300")).toBe(false);
  });
});
