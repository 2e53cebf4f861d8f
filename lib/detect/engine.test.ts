import { describe, expect, it } from "vitest";
import { groupHits, type RuleHit } from "@/lib/alerts/raise";
import { compileMatchRule, compileSuppression } from "./compile";
import { equivalentsFor, toEquivalentRule } from "./equivalents";
import { BUILTIN_PACK } from "./pack";
import { audit, falco } from "./pack/test-events";
import { groupKeyOf, renderTitle } from "./template";

const spec = (id: string) => BUILTIN_PACK.find((r) => r.id === id)!;
const compiled = (id: string, suppressions: Parameters<typeof compileMatchRule>[1] = []) => compileMatchRule({ ...spec(id) }, suppressions);

function hitsFor(events: ReturnType<typeof audit>[], ids: string[], sups: Parameters<typeof compileMatchRule>[1] = []): RuleHit[] {
  const rules = ids.map((id) => compiled(id, sups));
  return events.flatMap((e, i) => rules.filter((r) => r.matches(e)).map((rule) => ({ rule, event: e, eventId: String(i + 1) })));
}

const binding = (role: string, user = "eve") =>
  audit({ verb: "create", resource: "clusterrolebindings", namespace: null, name: "b", user, code: 201, requestObject: { roleRef: { name: role } } });

describe("titles and group keys", () => {
  it("fills fields, drops [optional] parts whose fields are empty, marks other gaps", () => {
    const e = falco({ rule: "Terminal shell in container", ns: "shop", pod: "web-1" });
    expect(renderTitle("Falco: {attributes.rule}[ in {namespace}/{pod}][ by {actor}]", e)).toBe("Falco: Terminal shell in container in shop/web-1");
    expect(renderTitle("{count} by {actor}", audit({ user: "x" }), { count: 12 })).toBe("12 by x");
    expect(renderTitle("{impersonated} did it", audit({}))).toBe("? did it");
  });
  it("group keys read columns and attribute paths", () => {
    expect(groupKeyOf(falco({ rule: "R", pod: "p" }), ["cluster", "attributes.rule", "pod"])).toBe("test|R|p");
  });
});

describe("grouping hits into alerts", () => {
  it("one alert per rule, group and window; repeats counted and linked", () => {
    const { alerts } = groupHits(hitsFor([audit({ verb: "create", subresource: "exec", stage: "ResponseStarted" }), audit({ verb: "create", subresource: "exec", stage: "ResponseStarted" })], ["k8s.pod-exec-attach"]));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ ruleId: "k8s.pod-exec-attach", count: 2, severity: "high", title: "exec into payments/api-7d9f8b6c5-x2k4q by alice@corp.example" });
    expect(alerts[0].events.map((e) => e.id)).toEqual(["1", "2"]);
  });

  it("a more specific rule supersedes the general one on the same event only", () => {
    const { alerts } = groupHits(hitsFor([binding("cluster-admin"), binding("view")], ["k8s.rbac-binding-change", "k8s.rbac-cluster-admin-binding"]));
    const got = Object.fromEntries(alerts.map((a) => [a.ruleId, a.events.map((e) => e.id)]));
    expect(got).toEqual({ "k8s.rbac-binding-change": ["2"], "k8s.rbac-cluster-admin-binding": ["1"] });
  });

  it("severity can come from the event (Falco priority), and the highest in a group wins", () => {
    const rule = compiled("runtime.falco-alert");
    const mk = (priority: string, i: number): RuleHit => ({ rule, event: falco({ priority }), eventId: String(i) });
    expect(groupHits([mk("Notice", 1)]).alerts[0].severity).toBe("low");
    expect(groupHits([mk("Warning", 1), mk("Critical", 2)]).alerts[0].severity).toBe("critical");
    expect(groupHits([mk("Error", 1)]).alerts[0].severity).toBe("high");
  });

  it("suppressed hits are counted, not alerted", () => {
    const sup = compileSuppression({ id: 7, ruleId: "k8s.pod-exec-attach", match: { actor: ["debug-*"] } });
    const { alerts, suppressed } = groupHits(hitsFor(
      [audit({ verb: "create", subresource: "exec", user: "debug-bot" }), audit({ verb: "create", subresource: "exec", user: "debug-bot" }), audit({ verb: "create", subresource: "exec", user: "mallory" })],
      ["k8s.pod-exec-attach"], [sup],
    ));
    expect(alerts.map((a) => a.actor)).toEqual(["mallory"]);
    expect(suppressed).toEqual([expect.objectContaining({ suppressionId: 7, ruleId: "k8s.pod-exec-attach", count: 2 })]);
  });
});

describe("equivalents on an event", () => {
  const byId = new Map(BUILTIN_PACK.map((r) => [r.id, toEquivalentRule({ ...r })]));
  it("scopes narrow an equivalent to the events the other engine would flag", () => {
    const r = byId.get("k8s.secret-change")!;
    expect(equivalentsFor(r, audit({ verb: "create", resource: "secrets", code: 201 }), byId).sort()).toEqual(["falco:K8s Secret Created", "sigma:Kubernetes Secrets Modified or Deleted"]);
    expect(equivalentsFor(r, audit({ verb: "create", resource: "secrets", code: 201, namespace: "kube-system" }), byId)).toEqual(["sigma:Kubernetes Secrets Modified or Deleted"]);
    expect(equivalentsFor(r, audit({ verb: "patch", resource: "secrets" }), byId)).toEqual(["sigma:Kubernetes Secrets Modified or Deleted"]);
  });
  it("a superseding rule stands for the superseded rule's equivalents too", () => {
    const names = equivalentsFor(byId.get("k8s.rbac-cluster-admin-binding")!, binding("cluster-admin"), byId);
    expect(names).toEqual(expect.arrayContaining(["falco:Attach to cluster-admin Role", "falco:K8s ClusterRoleBinding Created", "sigma:Kubernetes Rolebinding Modification"]));
  });
});
