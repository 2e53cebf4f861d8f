/** RBAC: cluster-admin bindings, powerful roles, system role changes, bindings and roles created or deleted. */
import type { RuleSpec } from "../types";
import { audit, SUCCESS } from "./common";

const ROLES = "resource:(roles OR clusterroles)";
const BINDINGS = "resource:(rolebindings OR clusterrolebindings)";
const RULES = "attributes.requestObject.rules";
const RBAC_REFS = ["https://kubernetes.io/docs/concepts/security/rbac-good-practices/"];
const ROLE_TITLE = "{resource} {object_name} by {actor}";

export const RBAC_RULES: RuleSpec[] = [
  {
    id: "k8s.rbac-cluster-admin-binding",
    name: "Binding to cluster-admin",
    description: "A (Cluster)RoleBinding grants the cluster-admin role: full control of the cluster, the usual last step of a privilege escalation or a persistence backdoor.",
    severity: "critical",
    kind: "match",
    definition: {
      query: audit(`verb:create AND ${BINDINGS} AND attributes.requestObject.roleRef.name:cluster-admin`),
      title: "cluster-admin granted by {actor} ({resource} {object_name})",
      supersedes: ["k8s.rbac-binding-change", "k8s.rbac-sa-writes-rbac"],
      scopes: { "falco:Attach to cluster-admin Role": "resource:clusterrolebindings" },
    },
    mitre: ["T1098", "T1078.004"],
    equivalents: ["falco:Attach to cluster-admin Role", "elastic:Kubernetes Cluster-Admin Role Binding Created", "panther:Kubernetes.ClusterRoleBinding.Privileged"],
    remediation: "Find who the binding's subjects are and whether the grant was approved. Delete the binding if not, and audit what those subjects did since. Grant narrower roles instead of cluster-admin.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles", ...RBAC_REFS],
  },
  {
    id: "k8s.rbac-role-wildcard",
    name: "Role with wildcard permissions",
    description: "A Role or ClusterRole grants `*` resources or `*` verbs: it covers every current and future resource, including secrets and exec.",
    severity: "high",
    kind: "match",
    definition: {
      query: audit(`verb:(create OR update OR patch) AND ${ROLES} AND (${RULES}.resources:"*" OR ${RULES}.verbs:"*")`),
      title: `Wildcard ${ROLE_TITLE}`,
      supersedes: ["k8s.rbac-role-change", "k8s.rbac-sa-writes-rbac"],
      scopes: { "falco:ClusterRole With Wildcard Created": "verb:create", "panther:Kubernetes.Role.Wildcard": "verb:create" },
    },
    mitre: ["T1098"],
    equivalents: ["falco:ClusterRole With Wildcard Created", "panther:Kubernetes.Role.Wildcard", "elastic:Kubernetes Creation or Modification of Sensitive Role"],
    remediation: "List the resources and verbs the role's users need and replace the wildcards with them.",
    references: RBAC_REFS,
  },
  {
    id: "k8s.rbac-role-pod-exec",
    name: "Role granting pods/exec",
    description: "A Role or ClusterRole allows pods/exec: whoever is bound to it can run commands in every matching pod, and use those pods' service accounts.",
    severity: "high",
    kind: "match",
    definition: {
      query: audit(`verb:create AND ${ROLES} AND ${RULES}.resources:"pods/exec"`),
      title: `pods/exec ${ROLE_TITLE}`,
      supersedes: ["k8s.rbac-role-change", "k8s.rbac-sa-writes-rbac"],
    },
    mitre: ["T1098", "T1609"],
    equivalents: ["falco:ClusterRole With Pod Exec Created", "panther:Kubernetes.Role.PodExec"],
    remediation: "Keep pods/exec in break-glass roles only, bound for a limited time.",
    references: RBAC_REFS,
  },
  {
    id: "k8s.rbac-role-write",
    name: "Role granting write access",
    description: "A new Role or ClusterRole allows create, update, patch or delete. Common for controllers; worth a look when a person creates it.",
    severity: "low",
    kind: "match",
    definition: {
      query: audit(`verb:create AND ${ROLES} AND ${RULES}.verbs:(create OR update OR patch OR delete OR deletecollection)`),
      title: `Write-access ${ROLE_TITLE}`,
      supersedes: ["k8s.rbac-role-change", "k8s.rbac-sa-writes-rbac"],
    },
    mitre: ["T1098"],
    equivalents: ["falco:ClusterRole With Write Privileges Created", "panther:Kubernetes.Role.WritePermissions"],
    remediation: "Check which resources the role may change and who is bound to it.",
    references: RBAC_REFS,
  },
  {
    id: "k8s.rbac-system-role-change",
    name: "System role modified or deleted",
    description: "A built-in `system:` Role or ClusterRole was changed or deleted. The control plane depends on these; changing one can grant an attacker rights or break a component.",
    severity: "high",
    kind: "match",
    definition: {
      // objectRef.name, as Falco's ka.target.name: creations of system roles at bootstrap carry no name there.
      query: audit(`verb:(create OR update OR patch OR delete) AND ${ROLES} AND attributes.objectRef.name:system:* AND -attributes.objectRef.name:("system:coredns" OR "system:managed-certificate-controller")`),
      title: "System {resource} {object_name} {verb} by {actor}",
      supersedes: ["k8s.rbac-role-change", "k8s.rbac-role-write", "k8s.rbac-sa-writes-rbac"],
    },
    mitre: ["T1098", "T1484"],
    equivalents: ["falco:System ClusterRole Modified/Deleted", "panther:Kubernetes.SystemRole.Modified"],
    remediation: "Restore the role from the API server's defaults (it re-creates system roles with autoupdate on restart) and find out who changed it.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings"],
  },
  {
    id: "k8s.rbac-role-change",
    name: "Role created or deleted",
    description: "A Role or ClusterRole was created or deleted. Routine when applications are deployed; the record of who changed RBAC and when.",
    severity: "low",
    kind: "match",
    definition: {
      query: audit(`verb:(create OR delete) AND ${ROLES}`),
      title: "{resource} {object_name} {verb} by {actor}",
      scopes: {
        "falco:K8s ClusterRole Created": `verb:create AND resource:clusterroles AND ${SUCCESS}`,
        "falco:K8s ClusterRole Deleted": `verb:delete AND resource:clusterroles AND ${SUCCESS}`,
        "falco:K8s Role Created": `verb:create AND resource:roles AND ${SUCCESS}`,
        "falco:K8s Role Deleted": `verb:delete AND resource:roles AND ${SUCCESS}`,
      },
    },
    mitre: ["T1098"],
    equivalents: ["falco:K8s ClusterRole Created", "falco:K8s ClusterRole Deleted", "falco:K8s Role Created", "falco:K8s Role Deleted"],
    remediation: "Check the change against your deployment pipeline.",
    references: RBAC_REFS,
  },
  {
    id: "k8s.rbac-binding-change",
    name: "Role binding created, changed or deleted",
    description: "Somebody granted or revoked a role. Bindings decide who can do what; a new binding for an unexpected subject is how access is widened quietly.",
    severity: "medium",
    kind: "match",
    definition: {
      query: audit(`verb:(create OR update OR patch OR delete) AND ${BINDINGS}`),
      title: "{resource} {object_name} {verb} by {actor}",
      scopes: {
        "falco:K8s ClusterRoleBinding Created": `verb:create AND resource:clusterrolebindings AND ${SUCCESS}`,
        "falco:K8s ClusterRoleBinding Deleted": `verb:delete AND resource:clusterrolebindings AND ${SUCCESS}`,
        "falco:K8s RoleBinding Created": `verb:create AND resource:rolebindings AND ${SUCCESS}`,
        "falco:K8s RoleBinding Deleted": `verb:delete AND resource:rolebindings AND ${SUCCESS}`,
        "elastic:Kubernetes Creation of a RoleBinding Referencing a ServiceAccount": "verb:create AND attributes.requestObject.subjects.kind:ServiceAccount",
      },
    },
    mitre: ["T1098"],
    equivalents: [
      "sigma:Kubernetes Rolebinding Modification", "falco:K8s ClusterRoleBinding Created", "falco:K8s ClusterRoleBinding Deleted",
      "falco:K8s RoleBinding Created", "falco:K8s RoleBinding Deleted", "elastic:Kubernetes Creation of a RoleBinding Referencing a ServiceAccount",
    ],
    remediation: "Check the binding's subjects and role against what was requested.",
    references: RBAC_REFS,
  },
  {
    id: "k8s.rbac-sa-writes-rbac",
    name: "Service account changed RBAC",
    description: "A workload's service account (not a Kubernetes controller) created, changed or deleted a role or binding. Workloads rarely manage RBAC; a stolen token escalating its own rights does.",
    severity: "high",
    kind: "match",
    definition: {
      query: audit(`verb:(create OR update OR patch OR delete) AND resource:(roles OR clusterroles OR rolebindings OR clusterrolebindings) AND actor_type:serviceaccount AND -actor:system:serviceaccount:kube-system:*`),
      title: "{actor} {verb} {resource} {object_name}",
      supersedes: ["k8s.rbac-role-change", "k8s.rbac-binding-change"],
    },
    mitre: ["T1098", "T1078.004"],
    equivalents: ["elastic:Kubernetes Service Account Modified RBAC Objects"],
    remediation: "If the service account belongs to an operator that manages RBAC (cert-manager, Argo CD…), suppress this rule for it; otherwise revoke its token and review the pods that use it.",
    references: RBAC_REFS,
  },
];
