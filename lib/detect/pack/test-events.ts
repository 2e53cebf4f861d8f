/** Event builders for rule tests: real normalizers on small, hand-written records. */
import { normalizeAuditEvent } from "@/lib/ingest/audit/normalize";
import { normalizeFalcoAlert } from "@/lib/ingest/falco/normalize";
import { emptyEvent, type NormalizedEvent } from "@/lib/events/types";

type AuditOver = {
  verb?: string; resource?: string; subresource?: string; namespace?: string | null; name?: string | null; user?: string; groups?: string[];
  code?: number; stage?: string; uri?: string; userAgent?: string; apiGroup?: string; requestObject?: unknown; impersonate?: string; ip?: string;
};

/** An audit.k8s.io/v1 Event as kube-apiserver writes it, normalized. */
export function audit(o: AuditOver = {}): NormalizedEvent {
  const resource = o.resource ?? "pods";
  const ns = o.namespace === undefined ? "payments" : o.namespace;
  const name = o.name === undefined ? "api-7d9f8b6c5-x2k4q" : o.name;
  const now = new Date().toISOString();
  const objectRef: Record<string, unknown> = { resource, apiVersion: "v1" };
  if (ns) objectRef.namespace = ns;
  if (name) objectRef.name = name;
  if (o.subresource) objectRef.subresource = o.subresource;
  if (o.apiGroup) objectRef.apiGroup = o.apiGroup;
  const raw: Record<string, unknown> = {
    kind: "Event", apiVersion: "audit.k8s.io/v1", level: "RequestResponse", auditID: "a-" + Math.random().toString(36).slice(2), stage: o.stage ?? "ResponseComplete",
    requestURI: o.uri ?? `/api/v1/${ns ? `namespaces/${ns}/` : ""}${resource}${name ? "/" + name : ""}${o.subresource ? "/" + o.subresource : ""}`,
    verb: o.verb ?? "get", user: { username: o.user ?? "alice@corp.example", groups: o.groups ?? ["system:authenticated"] },
    sourceIPs: [o.ip ?? "10.0.0.7"], userAgent: o.userAgent ?? "kubectl/v1.30.0", objectRef,
    responseStatus: { metadata: {}, code: o.code ?? 200 }, requestReceivedTimestamp: now, stageTimestamp: now,
    annotations: { "authorization.k8s.io/decision": (o.code ?? 200) === 403 ? "forbid" : "allow", "authorization.k8s.io/reason": "" },
  };
  if (o.requestObject !== undefined) raw.requestObject = o.requestObject;
  if (o.impersonate) raw.impersonatedUser = { username: o.impersonate, groups: ["system:authenticated"] };
  return normalizeAuditEvent(raw, "test");
}

export function podSpec(spec: Record<string, unknown>, containers: Record<string, unknown>[] = [{ name: "app", image: "nginx:1.27" }]) {
  return { kind: "Pod", apiVersion: "v1", metadata: { generateName: "app-" }, spec: { containers, ...spec } };
}

/** A Falco alert as Falcosidekick posts it, normalized. */
export function falco(o: { rule?: string; priority?: string; ns?: string; pod?: string; container?: string; host?: string } = {}): NormalizedEvent {
  return normalizeFalcoAlert(
    {
      uuid: "u-" + Math.random().toString(36).slice(2), output: `${o.rule ?? "Terminal shell in container"} (user=root)`, priority: o.priority ?? "Notice",
      rule: o.rule ?? "Terminal shell in container", time: new Date().toISOString(), source: "syscall", hostname: o.host ?? "node-1",
      output_fields: { "container.id": "0123456789ab", "container.name": o.container ?? "app", "k8s.ns.name": o.ns ?? "payments", "k8s.pod.name": o.pod ?? "api-7d9f8b6c5-x2k4q", "proc.cmdline": "bash" },
    },
    "test",
  );
}

/** A node log line (sshd, sudo), as the journald normalizer would produce it. */
export function nodeLine(message: string, o: { actor?: string; ip?: string; node?: string } = {}): NormalizedEvent {
  return emptyEvent({
    ts: new Date(), cluster: "test", layer: "node", source: "journald", message, node: o.node ?? "node-1",
    actor: o.actor ?? null, actorType: o.actor ? "user" : null, sourceIp: o.ip ?? null, attributes: {},
  });
}
