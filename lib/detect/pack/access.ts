/** Who gets in: anonymous access, denied bursts, impersonation, unknown users, discovery, kubelet proxy. */
import type { RuleSpec } from "../types";
import { audit, COMPLETE } from "./common";

// Falco's allowed_k8s_users and eks_allowed_k8s_users (k8s_audit_rules.yaml).
const FALCO_ALLOWED_USERS = [
  "minikube", "minikube-user", "kubelet", "kops", "admin", "kube", "kube-proxy", "kube-apiserver-healthcheck", "kubernetes-admin",
  "vpa-recommender", "vpa-updater", "cluster-autoscaler", "cloud-controller-manager", "eks:*",
];
// What the default system:public-info-viewer role lets anyone read: health, version, service-account issuer discovery.
const HEALTH = "-attributes.requestURI:(/healthz OR /healthz?* OR /livez OR /livez?* OR /readyz OR /readyz?* OR /version OR /version/ OR /version?* OR /.well-known/openid-configuration OR /openid/v1/jwks)";

export const ACCESS_RULES: RuleSpec[] = [
  {
    id: "k8s.anonymous-allowed",
    name: "Anonymous request allowed",
    description: "The API server let an unauthenticated request (system:anonymous) through. Anonymous access should answer health checks, the version and service-account issuer discovery, and nothing else; anything more is a misconfigured RoleBinding to system:anonymous or system:unauthenticated.",
    severity: "critical",
    kind: "match",
    definition: {
      query: `layer:audit AND actor:system:anonymous AND -code:(401 OR 403) AND ${HEALTH} AND ${COMPLETE}`,
      title: "Anonymous {verb} {resource} {object_name} from {source_ip}",
      groupBy: ["cluster", "source_ip"],
    },
    mitre: ["T1078.001", "T1190"],
    equivalents: ["falco:Anonymous Request Allowed", "panther:Kubernetes.API.AnonymousAccess"],
    remediation: "Find the bindings that name system:anonymous or system:unauthenticated (`kubectl get clusterrolebindings,rolebindings -A -o wide`) and delete them; consider --anonymous-auth=false.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests"],
  },
  {
    id: "k8s.denied-burst",
    name: "Burst of unauthorized or forbidden requests",
    description: "One identity from one address got at least 10 answers 401 or 403 within 5 minutes: credential guessing, a stolen token probing what it may do, or a broken deployment.",
    severity: "medium",
    kind: "threshold",
    definition: { query: "layer:audit AND code:(401 OR 403)", groupBy: ["cluster", "actor", "source_ip"], windowMinutes: 5, threshold: 10, title: "{count} denied requests by {actor} from {source_ip}" },
    mitre: ["T1110", "T1613"],
    equivalents: ["sigma:Kubernetes Unauthorized or Unauthenticated Access", "panther:Kubernetes.API.Multiple403.PublicIP", "panther:Amazon.EKS.Audit.Multiple403", "elastic:Kubernetes Potential Endpoint Permission Enumeration Attempt Detected"],
    remediation: "Identify the client behind the address. If it is not a misconfigured workload, revoke the credential and block the address.",
    references: ["https://www.datadoghq.com/blog/monitor-kubernetes-audit-logs/#monitor-api-authentication-issues"],
  },
  {
    id: "k8s.anonymous-denied-burst",
    name: "Anonymous enumeration of the API",
    description: "At least 20 anonymous requests from one address were refused within 5 minutes: an unauthenticated scan of the API server.",
    severity: "medium",
    kind: "threshold",
    definition: { query: "layer:audit AND actor:system:anonymous AND code:(401 OR 403)", groupBy: ["cluster", "source_ip"], windowMinutes: 5, threshold: 20, distinct: "object_name", title: "Anonymous enumeration from {source_ip}" },
    mitre: ["T1613", "T1595"],
    equivalents: ["elastic:Kubernetes Potential Endpoint Permission Enumeration Attempt by Anonymous User Detected", "panther:Amazon.EKS.AnonymousAPIAccess"],
    remediation: "Restrict who can reach the API server (private endpoint, authorized networks).",
    references: ["https://kubernetes.io/docs/concepts/security/controlling-access/"],
  },
  {
    id: "k8s.impersonation",
    name: "Request made by impersonating another identity",
    description: "The request carried Impersonate-User/Group headers: the actor acted as someone else. Privileged identities (system:masters, system:admin, cluster admins) make it critical.",
    severity: "high",
    kind: "match",
    definition: {
      query: `layer:audit AND _exists_:impersonated AND -code:(401 OR 403) AND ${COMPLETE}`,
      title: "{actor} acting as {impersonated}",
      groupBy: ["cluster", "actor", "impersonated"],
      scopes: {
        "elastic:Kubernetes API Request Impersonating Privileged Identity": "impersonated:(system:admin OR system:kube-controller-manager OR system:kube-scheduler OR kubernetes-admin) OR attributes.impersonatedUser.groups:system:masters",
      },
    },
    mitre: ["T1134", "T1078.004"],
    equivalents: ["elastic:Kubernetes API Request Impersonating Privileged Identity"],
    remediation: "Impersonation should be limited to a few admin tools (the `impersonate` verb in RBAC). Check who holds it and remove it from everyone else.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/#user-impersonation"],
  },
  {
    id: "k8s.disallowed-user",
    name: "New identity outside the allow-list",
    description:
      "A person (not a Kubernetes component or service account) that is not on the allow-list acted in the cluster for the first time. Falco raises this on every request of such a user; Crowsnest raises it once per identity and cluster, with every request of its first day linked. Edit the allow-list in the query for your clusters.",
    severity: "low",
    kind: "new-value",
    definition: {
      query: audit(`_exists_:actor AND -actor:system:* AND -actor:(${FALCO_ALLOWED_USERS.join(" OR ")})`),
      fields: ["cluster", "actor"],
      baselineHours: 24,
      windowMinutes: 1440,
      title: "New identity {actor} in {cluster}",
    },
    mitre: ["T1078"],
    equivalents: ["falco:Disallowed K8s User"],
    remediation: "Confirm who the identity is. Managed-cluster service identities (AKS' aksService, GKE's) are expected: suppress them by actor.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/authentication/"],
  },
  {
    id: "k8s.rbac-enumeration",
    name: "RBAC permissions enumerated",
    description: "An identity listed its own permissions (a SelfSubjectRulesReview, `kubectl auth can-i --list`): typically the first thing done with a freshly stolen credential.",
    severity: "low",
    kind: "match",
    definition: { query: audit("verb:create AND resource:selfsubjectrulesreviews"), groupBy: ["cluster", "actor"], title: "{actor} listed its permissions" },
    mitre: ["T1069.003", "T1087.004"],
    equivalents: ["sigma:RBAC Permission Enumeration Attempt", "elastic:Kubernetes Suspicious Self-Subject Review via Unusual User Agent"],
    remediation: "Expected from kubectl users; from a workload's service account it means someone is exploring with that pod's token.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/authorization/#checking-api-access"],
  },
  {
    id: "k8s.enumeration-tools",
    name: "Shell or known enumeration tool against the API",
    description: "Requests by known scanning tools (access_matrix/rakkess, trufflehog, azurehound, micro-scanner) or an exec running a shell or download tool by its path.",
    severity: "medium",
    kind: "match",
    definition: {
      query:
        `layer:audit AND ((attributes.userAgent:/access_matrix|trufflehog|azurehound|micro-scanner/i AND ${COMPLETE}) OR ` +
        "(subresource:exec AND -attributes.stage:RequestReceived AND attributes.requestURI:/(%2f|\\/)(bin|usr%2fbin|usr\\/bin)(%2f|\\/)(ash|bash|busybox|dash|sh|zsh|curl|kubectl|perl|python|wget)/i))",
      groupBy: ["cluster", "actor"],
      title: "Enumeration by {actor}",
      supersedes: ["k8s.pod-exec-attach"],
    },
    mitre: ["T1613", "T1609"],
    equivalents: ["sigma:Kubernetes Potential Enumeration Activity"],
    remediation: "Find out who runs the tool; if it is not an approved scan, revoke the credential.",
    references: ["https://www.nccgroup.com/research/detection-engineering-for-kubernetes-clusters/"],
  },
  {
    id: "k8s.node-proxy",
    name: "API server proxying to a kubelet",
    description: "A request went through nodes/proxy to a kubelet: the kubelet API runs commands in any pod of the node without pods/exec appearing in the audit log.",
    severity: "high",
    kind: "match",
    definition: { query: audit("resource:nodes AND subresource:proxy AND -actor:system:*"), groupBy: ["cluster", "node", "actor"], title: "nodes/proxy to {node} by {actor}" },
    mitre: ["T1609", "T1210"],
    equivalents: ["elastic:Kubernetes API Server Proxying Request to Kubelet", "panther:Kubernetes.Role.NodeProxyPermissions"],
    remediation: "Remove nodes/proxy from every role but monitoring agents that need it.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/"],
  },
];
