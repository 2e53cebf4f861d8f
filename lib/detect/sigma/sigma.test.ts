import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { compileMatcher } from "@/lib/search/query/match";
import { parseQuery } from "@/lib/search/query/parse";
import { audit } from "../pack/test-events";
import { convertSigmaYaml, mitreFromTags } from "./rule";

function rule(detection: string, logsource = "product: kubernetes\n  service: audit") {
  return `title: T\nid: 00000000-0000-0000-0000-000000000001\nauthor: Someone\nlevel: high\nlogsource:\n  ${logsource}\ndetection:\n${detection}`;
}
function convert(detection: string, logsource?: string) {
  const r = convertSigmaYaml(rule(detection, logsource));
  if (r.unsupported.length) throw new Error(r.unsupported[0].reason);
  return r.rules[0];
}
const matches = (q: string, e: object) => compileMatcher(parseQuery(q))(e as never);

describe("Sigma detection → query", () => {
  it("maps the Kubernetes audit taxonomy to columns and attributes", () => {
    const r = convert("  selection:\n    verb: create\n    objectRef.resource: pods\n    objectRef.subresource: exec\n  condition: selection");
    expect(r.definition.query).toBe('layer:audit AND (verb:"create" AND resource:"pods" AND subresource:"exec")');
    expect(r).toMatchObject({ id: "sigma.00000000-0000-0000-0000-000000000001", severity: "high", author: "Someone", license: "DRL-1.1", equivalents: ["sigma:T"] });
  });

  it("lists are OR, |all is AND; plain values compare case-insensitively", () => {
    const q = convert("  sel:\n    user.username:\n      - Alice\n      - bob\n    userAgent|contains|all:\n      - kubectl\n      - linux\n  condition: sel").definition.query;
    expect(q).toBe("layer:audit AND ((actor:/^Alice$/i OR actor:/^bob$/i) AND (attributes.userAgent:/kubectl/i AND attributes.userAgent:/linux/i))");
    expect(matches(q, audit({ user: "ALICE", userAgent: "kubectl/v1.30 (linux/amd64)" }))).toBe(true);
    expect(matches(q, audit({ user: "alice", userAgent: "kubectl/v1.30 (darwin)" }))).toBe(false);
  });

  it("contains, startswith, endswith, wildcards and escapes", () => {
    const q = convert("  a:\n    requestURI|startswith: '/api/v1/'\n    requestURI|endswith: '/exec'\n  b:\n    userAgent: 'curl/*'\n  c:\n    userAgent: 'a\\*b?'\n  condition: a or b or c").definition.query;
    expect(q).toContain("attributes.requestURI:/^\\/api\\/v1\\//i");
    expect(q).toContain("attributes.requestURI:/\\/exec$/i");
    expect(q).toContain("attributes.userAgent:/^curl\\//i");
    expect(q).toContain("attributes.userAgent:/^a\\*b.$/i");
    expect(matches(q, audit({ userAgent: "CURL/8.1" }))).toBe(true);
    expect(matches(q, audit({ userAgent: "a*bc" }))).toBe(true);
  });

  it("re (with i), cidr, exists, null, numbers, gt/lt, cased", () => {
    const q = convert([
      "  a:\n    userAgent|re|i: '^(python|go)-'",
      "  b:\n    sourceIPs|cidr: 10.0.0.0/8",
      "  c:\n    impersonatedUser|exists: true",
      "  d:\n    objectRef.name: null",
      "  e:\n    responseStatus.code|gte: 500",
      "  f:\n    userAgent|cased: Kubectl",
      "  condition: a and b and c and not d and e and not f",
    ].join("\n")).definition.query;
    expect(q).toBe("layer:audit AND (attributes.userAgent:/^(python|go)-/i AND source_ip:10.0.0.0/8 AND _exists_:attributes.impersonatedUser AND NOT -_exists_:attributes.objectRef.name AND code>=500 AND NOT attributes.userAgent:\"Kubectl\")");
    expect(matches(q, audit({ userAgent: "Python-requests", ip: "10.1.2.3", impersonate: "x", code: 503 }))).toBe(true);
    expect(matches(q, audit({ userAgent: "Python-requests", ip: "192.0.2.1", impersonate: "x", code: 503 }))).toBe(false);
  });

  it("conditions: 1 of, all of, them, parentheses, not; keywords search the message with a warning", () => {
    const r = convert("  selection_a:\n    verb: get\n  selection_b:\n    verb: list\n  filter:\n    objectRef.namespace: kube-system\n  condition: 1 of selection_* and not filter");
    expect(r.definition.query).toBe('layer:audit AND ((verb:"get" OR verb:"list") AND NOT attributes.objectRef.namespace:"kube-system")');
    expect(convert("  a:\n    verb: get\n  b:\n    objectRef.resource: secrets\n  condition: all of them").definition.query).toBe('layer:audit AND (verb:"get" AND resource:"secrets")');
    expect(convert("  a:\n    verb: get\n  b:\n    verb: list\n  c:\n    objectRef.resource: secrets\n  condition: (a or b) and c").definition.query).toBe('layer:audit AND (((verb:"get" OR verb:"list")) AND resource:"secrets")');
    const k = convert("  keywords:\n    - 'kube-hunter'\n  condition: keywords");
    expect(k.definition.query).toBe("layer:audit AND message:/kube-hunter/i");
    expect(k.notes[0]).toContain("keywords search the event message");
  });

  it("Crowsnest's own fields with product: crowsnest", () => {
    const q = convert("  sel:\n    namespace: payments\n    actor_type: serviceaccount\n  condition: sel", "product: crowsnest\n  service: audit").definition.query;
    expect(q).toBe('layer:audit AND (namespace:/^payments$/i AND actor_type:/^serviceaccount$/i)');
  });

  it.each([
    ["  sel:\n    verb|base64offset|contains: x\n  condition: sel", "modifier 'base64offset' is not supported"],
    ["  sel:\n    verb: get\n  condition: sel | count() by user.username > 10", "aggregations"],
    ["  sel:\n    verb: get\n  timeframe: 5m\n  condition: sel", "timeframe"],
    ["  sel:\n    annotations.authorization.k8s.io/decision: allow\n  condition: sel", "cannot be addressed"],
    ["  sel:\n    verb: get\n  condition: other", "unknown search identifier 'other'"],
    ["  sel:\n    userAgent|re: '(a+)+'\n  condition: sel", "nested quantifiers"],
    ["  sel:\n    verb|cidr: 10.0.0.0/8\n  condition: sel", "|cidr is supported on client addresses"],
  ])("reports what it cannot import (%#)", (detection, reason) => {
    const r = convertSigmaYaml(rule(detection));
    expect(r.rules).toHaveLength(0);
    expect(r.unsupported[0]).toMatchObject({ rule: "T", reason: expect.stringContaining(reason) });
  });

  it("reports other logsources, broken YAML and documents without a title, and keeps going", () => {
    const r = convertSigmaYaml([rule("  s:\n    verb: get\n  condition: s", "product: windows"), "title: [unclosed", "foo: bar", rule("  s:\n    verb: get\n  condition: s")].join("\n---\n"));
    expect(r.rules).toHaveLength(1);
    expect(r.unsupported.map((u) => u.reason)).toEqual([
      expect.stringContaining("logsource (product: windows) is not supported"),
      expect.stringContaining("not valid YAML"),
      "the rule has no title",
    ]);
  });

  it("MITRE technique ids come from the attack.tNNNN tags", () => {
    expect(mitreFromTags(["attack.t1552.007", "attack.credential-access", "attack.T1609", "cve.2021-1"])).toEqual(["T1552.007", "T1609"]);
  });
});

const SIGMA_DIR = resolve(process.cwd(), "../shared/corpus/rules/sigma-k8s/audit");
describe.skipIf(!existsSync(SIGMA_DIR))("the corpus's Sigma Kubernetes audit rules", () => {
  const files = existsSync(SIGMA_DIR) ? readdirSync(SIGMA_DIR) : [];
  it.each(files)("%s converts with its attribution", (f) => {
    const text = readFileSync(join(SIGMA_DIR, f), "utf8");
    const r = convertSigmaYaml(text);
    expect(r.unsupported).toEqual([]);
    expect(r.rules[0].definition.query.startsWith("layer:audit AND ")).toBe(true);
    expect(r.rules[0].author).toBeTruthy();
    expect(r.rules[0].description).toContain("licensed under the DRL-1.1");
    expect(r.rules[0].sourceText.trim()).toBe(text.trim());
  });

  it("hostPath: '*' means any hostPath volume; capabilities: '*' any capabilities block", () => {
    const host = convertSigmaYaml(readFileSync(join(SIGMA_DIR, "kubernetes_audit_hostpath_mount.yml"), "utf8")).rules[0].definition.query;
    const caps = convertSigmaYaml(readFileSync(join(SIGMA_DIR, "kubernetes_audit_privileged_pod_creation.yml"), "utf8")).rules[0].definition.query;
    const pod = (spec: object) => audit({ verb: "create", name: null, code: 201, requestObject: { spec } });
    expect(matches(host, pod({ containers: [{ name: "a" }], volumes: [{ name: "v", hostPath: { path: "/var/log" } }] }))).toBe(true);
    expect(matches(host, pod({ containers: [{ name: "a" }], volumes: [{ name: "v", emptyDir: {} }] }))).toBe(false);
    expect(matches(caps, pod({ containers: [{ name: "a", securityContext: { privileged: true } }] }))).toBe(false);
    expect(matches(caps, pod({ containers: [{ name: "a", securityContext: { capabilities: { drop: ["ALL"] } } }] }))).toBe(true);
  });
});
