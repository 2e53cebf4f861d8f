import { describe, expect, it } from "vitest";
import { clusterHref, entityHref, namespaceHref, nodeHref, podHref } from "./entity-links";

describe("entity links", () => {
  const range = { from: "now-1h", to: "now" };

  it("builds each entity page with the time range", () => {
    expect(clusterHref("prod-eu-1", range)).toBe("/clusters/prod-eu-1?from=now-1h&to=now");
    expect(nodeHref("prod", "ip-10-0-1-23.internal")).toBe("/clusters/prod/nodes/ip-10-0-1-23.internal");
    expect(namespaceHref("prod", "payments", { from: "2025-01-01T00:00:00.000Z" })).toBe(
      "/clusters/prod/namespaces/payments?from=2025-01-01T00%3A00%3A00.000Z",
    );
    expect(podHref("prod", "payments", "api-5d8f", range)).toBe("/clusters/prod/namespaces/payments/pods/api-5d8f?from=now-1h&to=now");
  });

  it("encodes attacker-controlled names so they cannot leave their path segment", () => {
    expect(podHref("c", "ns", "../../admin?x=1#y")).toBe("/clusters/c/namespaces/ns/pods/..%2F..%2Fadmin%3Fx%3D1%23y");
  });

  it("needs the namespace for a pod and gives null when a part is missing", () => {
    const e = { cluster: "prod", node: null, namespace: null, pod: "api" };
    expect(entityHref("pod", e)).toBeNull();
    expect(entityHref("node", e)).toBeNull();
    expect(entityHref("cluster", e, range)).toBe("/clusters/prod?from=now-1h&to=now");
    expect(entityHref("pod", { ...e, namespace: "payments" })).toBe("/clusters/prod/namespaces/payments/pods/api");
  });
});
