/** Building blocks shared by the built-in rule files. */

/**
 * Falco evaluates audit rules only once the response is complete; requests
 * are logged at up to three stages, and counting each would triple alerts.
 * Events without a stage (some managed-cluster exports) still match.
 */
export const COMPLETE = "-attributes.stage:(RequestReceived OR ResponseStarted)";

/** Audit events of a finished request matching `q`. */
export function audit(q: string): string {
  return `layer:audit AND ${q} AND ${COMPLETE}`;
}

export const SUCCESS = "code>=200 AND code<300";
export const WRITE_VERBS = "verb:(create OR update OR patch OR delete OR deletecollection)";

/** Not a Kubernetes component or service account: Falco's `non_system_user`. */
export const NON_SYSTEM_USER = "-actor:system:*";

/** The pod spec's containers of every kind, for attribute paths. */
export const SPEC = "attributes.requestObject.spec";
export const ALL_CONTAINERS = ["containers", "initContainers", "ephemeralContainers"];

/** `field:true` for a securityContext flag on any container of the pod. */
export function anyContainer(path: string, value: string): string {
  return "(" + ALL_CONTAINERS.map((c) => `${SPEC}.${c}.${path}:${value}`).join(" OR ") + ")";
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, (c) => "\\" + c);
}

/** Excludes pods whose containers run one of these image repositories (any tag or digest). */
export function exceptImages(repos: string[]): string {
  if (repos.length === 0) return "";
  return ` AND -${SPEC}.containers.image:/^(${repos.map(escapeRegex).join("|")})(:|@|$)/`;
}

/** Falco's `pod` macro: a pod object, not one of its subresources. */
export const POD = "resource:pods AND -_exists_:subresource";
