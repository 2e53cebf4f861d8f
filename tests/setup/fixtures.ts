import { randomUUID } from "node:crypto";

/** Our own audit.k8s.io/v1 Event fixtures, timestamps relative to now. */
export function auditEvent(over: {
  verb?: string; resource?: string; subresource?: string; namespace?: string; name?: string; user?: string;
  code?: number; at?: Date; ip?: string; uri?: string;
} = {}) {
  const at = (over.at ?? new Date()).toISOString();
  const resource = over.resource ?? "pods";
  const ns = over.namespace ?? "payments";
  const name = over.name ?? "payments-api-7d9f8b6c5-x2k4q";
  return {
    kind: "Event",
    apiVersion: "audit.k8s.io/v1",
    level: "Metadata",
    auditID: randomUUID(),
    stage: "ResponseComplete",
    requestURI: over.uri ?? `/api/v1/namespaces/${ns}/${resource}/${name}${over.subresource ? "/" + over.subresource : ""}`,
    verb: over.verb ?? "get",
    user: { username: over.user ?? "alice@corp.example", groups: ["system:authenticated"] },
    sourceIPs: [over.ip ?? "203.0.113.7"],
    userAgent: "kubectl/v1.30.0",
    objectRef: { resource, namespace: ns, name, apiVersion: "v1", ...(over.subresource ? { subresource: over.subresource } : {}) },
    responseStatus: { metadata: {}, code: over.code ?? 200 },
    requestReceivedTimestamp: at,
    stageTimestamp: at,
  };
}

export function execEvent(over: Parameters<typeof auditEvent>[0] = {}) {
  return auditEvent({ verb: "create", subresource: "exec", code: 101, ...over });
}

export function eventList(items: object[]) {
  return { kind: "EventList", apiVersion: "audit.k8s.io/v1", metadata: {}, items };
}
