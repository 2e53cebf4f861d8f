/** Fields the query language knows, mapped to event columns. Client-safe. */
export type FieldKind = "text" | "number" | "time" | "inet" | "keyword" | "array";

export type FieldDef = { column: string; kind: FieldKind; prop: string; description: string };

export const FIELDS: Record<string, FieldDef> = {
  id: { column: "id", kind: "number", prop: "id", description: "event id" },
  ts: { column: "ts", kind: "time", prop: "ts", description: "event time" },
  received_at: { column: "received_at", kind: "time", prop: "receivedAt", description: "time Crowsnest received it" },
  cluster: { column: "cluster", kind: "keyword", prop: "cluster", description: "cluster name" },
  layer: { column: "layer", kind: "keyword", prop: "layer", description: "audit, k8s-event, container, node, runtime" },
  source: { column: "source", kind: "keyword", prop: "source", description: "wire format, e.g. k8s-audit, falco" },
  severity: { column: "severity", kind: "keyword", prop: "severity", description: "debug … emergency" },
  node: { column: "node", kind: "keyword", prop: "node", description: "node name" },
  namespace: { column: "namespace", kind: "keyword", prop: "namespace", description: "namespace" },
  pod: { column: "pod", kind: "keyword", prop: "pod", description: "pod name" },
  container: { column: "container", kind: "keyword", prop: "container", description: "container name" },
  workload: { column: "workload", kind: "keyword", prop: "workload", description: "owning workload" },
  actor: { column: "actor", kind: "keyword", prop: "actor", description: "user or service account" },
  actor_type: { column: "actor_type", kind: "keyword", prop: "actorType", description: "user, serviceaccount, node, anonymous, system" },
  impersonated: { column: "impersonated", kind: "keyword", prop: "impersonated", description: "impersonated user" },
  verb: { column: "verb", kind: "keyword", prop: "verb", description: "API verb" },
  resource: { column: "resource", kind: "keyword", prop: "resource", description: "API resource" },
  subresource: { column: "subresource", kind: "keyword", prop: "subresource", description: "API subresource (exec, attach, log…)" },
  object_name: { column: "object_name", kind: "keyword", prop: "objectName", description: "object name" },
  code: { column: "code", kind: "number", prop: "code", description: "response code" },
  source_ip: { column: "source_ip", kind: "inet", prop: "sourceIp", description: "client address" },
  message: { column: "message", kind: "text", prop: "message", description: "message text" },
  flags: { column: "flags", kind: "array", prop: "flags", description: "markers: audit-id-reused, enriched-from-container-id" },
};

export const FIELD_ALIASES: Record<string, string> = {
  ns: "namespace",
  user: "actor",
  name: "object_name",
  objectName: "object_name",
  actorType: "actor_type",
  sourceIp: "source_ip",
  ip: "source_ip",
  status: "code",
  "@timestamp": "ts",
};

export const ATTRIBUTE_PREFIX = "attributes.";
// A segment `*` stands for every member of an object; arrays on the way are searched element by element.
const ATTR_PATH = /^[A-Za-z0-9_@$-]+(\.([A-Za-z0-9_@$/-]+|\*))*$/;

export type ResolvedField = { kind: "column"; name: string; def: FieldDef } | { kind: "attribute"; path: string[] };

/** Resolves a field name from a query, or null when it is not allowed. */
export function resolveField(name: string): ResolvedField | null {
  const canonical = FIELD_ALIASES[name] ?? name;
  const def = FIELDS[canonical];
  if (def) return { kind: "column", name: canonical, def };
  if (canonical.startsWith(ATTRIBUTE_PREFIX)) {
    const path = canonical.slice(ATTRIBUTE_PREFIX.length);
    if (ATTR_PATH.test(path)) return { kind: "attribute", path: path.split(".") };
  }
  return null;
}

export function fieldNames(): string[] {
  return Object.keys(FIELDS);
}
