/** The built-in Kubernetes rule pack. Each match rule is a query in the search language. */
export type BuiltinRule = {
  id: string;
  name: string;
  description: string;
  severity: "low" | "medium" | "high" | "critical";
  query: string;
  /** event fields that make two hits the same alert (within one window) */
  groupBy: string[];
  mitre: string[];
  equivalents: string[];
  remediation: string;
  references: string[];
};

export const BUILTIN_RULES: BuiltinRule[] = [
  {
    id: "k8s.pod-exec-attach",
    name: "Exec or attach into a pod",
    description:
      "Someone opened an interactive session in a running container (create on pods/exec or pods/attach). Legitimate for debugging, but it is also how an attacker with a stolen credential runs commands inside workloads.",
    severity: "high",
    query: "verb:create AND resource:pods AND subresource:(exec OR attach)",
    groupBy: ["cluster", "namespace", "pod", "actor"],
    mitre: ["T1609"],
    equivalents: ["falco:Attach/Exec Pod", "sigma:Potential Remote Command Execution In Pod Container", "elastic:Kubernetes Pod Exec", "panther:Kubernetes Pod Exec"],
    remediation:
      "Confirm with the actor that the session was expected. If not, revoke the actor's credentials (service-account token or kubeconfig), inspect the container for changes, and restrict pods/exec in RBAC to break-glass roles.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/", "https://attack.mitre.org/techniques/T1609/"],
  },
];
