/**
 * Sigma field names → Crowsnest query fields. For `product: kubernetes,
 * service: audit` the taxonomy is the audit Event's own JSON (which Crowsnest
 * keeps whole in `attributes`), with the shortcuts SigmaHQ's Kubernetes rules
 * use (`hostPath`, `capabilities`, a bare `apiGroup`). For `product:
 * crowsnest` the names are Crowsnest's own query fields. Client-safe.
 */
import { resolveField } from "@/lib/search/query/fields";

export type Logsource = { product?: string; service?: string; category?: string };

export class SigmaUnsupported extends Error {}

const LAYERS = ["audit", "k8s-event", "container", "node", "runtime"];

/** What every converted query is restricted to, by logsource. */
export function logsourceFilter(ls: Logsource): string {
  const product = ls.product?.toLowerCase();
  const service = ls.service?.toLowerCase();
  if (product === "kubernetes") {
    if (service === "audit") return "layer:audit";
    throw new SigmaUnsupported(`logsource product: kubernetes, service: ${ls.service ?? "(none)"} is not supported: Crowsnest imports Kubernetes audit rules (service: audit)`);
  }
  if (product === "crowsnest") {
    if (!service) return "";
    if (LAYERS.includes(service)) return `layer:${service}`;
    throw new SigmaUnsupported(`logsource product: crowsnest, service: ${ls.service} is not a layer (${LAYERS.join(", ")})`);
  }
  const what = [ls.product && `product: ${ls.product}`, ls.service && `service: ${ls.service}`, ls.category && `category: ${ls.category}`].filter(Boolean).join(", ") || "none";
  throw new SigmaUnsupported(`logsource (${what}) is not supported: Crowsnest imports product: kubernetes / service: audit and product: crowsnest rules`);
}

const SPEC = "attributes.requestObject.spec";
// Audit fields that have an equivalent column (faster: columns are matched without JSON).
const AUDIT_COLUMNS: Record<string, string> = {
  verb: "verb",
  "objectRef.resource": "resource",
  "objectRef.subresource": "subresource",
  "user.username": "actor",
  "impersonatedUser.username": "impersonated",
  sourceIPs: "source_ip",
};
// Shortcuts in SigmaHQ's Kubernetes rules (mapped as the corpus EXPECTATIONS document).
const AUDIT_SHORTCUTS: Record<string, string[]> = {
  apiGroup: ["attributes.objectRef.apiGroup"],
  hostPath: [`${SPEC}.volumes.hostPath`],
  capabilities: [`${SPEC}.containers.securityContext.capabilities`, `${SPEC}.initContainers.securityContext.capabilities`],
};

/** Fields whose values Kubernetes writes in lower case: plain Sigma values match them exactly after lower-casing. */
export const LOWERCASE_FIELDS = new Set(["verb", "resource", "subresource", "layer", "attributes.objectRef.apiGroup", "attributes.objectRef.namespace", "attributes.objectRef.resource", "attributes.objectRef.subresource", "attributes.stage"]);

/**
 * The Crowsnest fields a Sigma field means (several = any of them).
 * `numericValues`: responseStatus.code maps to the numeric `code` column only when every value is a number.
 */
export function mapField(field: string, ls: Logsource, numericValues: boolean): string[] {
  if (ls.product?.toLowerCase() === "crowsnest") {
    if (!resolveField(field)) throw new SigmaUnsupported(`field '${field}' is not a Crowsnest field`);
    return [field];
  }
  if (field === "responseStatus.code") return [numericValues ? "code" : "attributes.responseStatus.code"];
  if (AUDIT_COLUMNS[field]) return [AUDIT_COLUMNS[field]];
  if (AUDIT_SHORTCUTS[field]) return AUDIT_SHORTCUTS[field];
  const path = `attributes.${field}`;
  // Annotation and label names (authorization.k8s.io/decision, app.kubernetes.io/name) are single keys with dots in them.
  if (field.includes("/") || !resolveField(path)) {
    throw new SigmaUnsupported(`field '${field}' cannot be addressed (a key with dots or unusual characters, such as annotations.authorization.k8s.io/decision)`);
  }
  return [path];
}
