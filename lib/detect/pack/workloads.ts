/** Pods: exec/attach, privileged and host-namespace pods, sensitive mounts, capabilities, system namespaces. */
import type { RuleSpec } from "../types";
import { ALL_CONTAINERS, anyContainer, audit, exceptImages, POD, SPEC, SUCCESS } from "./common";

// Falco's default allow-lists (k8s_audit_rules.yaml), so equivalents agree out of the box.
const PRIVILEGED_IMAGES = [
  "falcosecurity/falco", "docker.io/falcosecurity/falco", "public.ecr.aws/falcosecurity/falco", "docker.io/calico/node", "calico/node",
  "docker.io/cloudnativelabs/kube-router", "docker.io/docker/ucp-agent", "docker.io/mesosphere/mesos-slave", "docker.io/rook/toolbox",
  "docker.io/sysdig/sysdig", "gcr.io/google_containers/kube-proxy", "gcr.io/google-containers/startup-script", "gcr.io/projectcalico-org/node",
  "gke.gcr.io/kube-proxy", "gke.gcr.io/gke-metadata-server", "gke.gcr.io/netd-amd64", "gke.gcr.io/watcher-daemonset",
  "gcr.io/google-containers/prometheus-to-sd", "registry.k8s.io/ip-masq-agent-amd64", "registry.k8s.io/kube-proxy", "registry.k8s.io/prometheus-to-sd",
  "quay.io/calico/node", "sysdig/sysdig", "registry.k8s.io/dns/k8s-dns-node-cache", "mcr.microsoft.com/oss/kubernetes/kube-proxy",
];
const SENSITIVE_MOUNT_IMAGES = [
  "falcosecurity/falco", "docker.io/falcosecurity/falco", "public.ecr.aws/falcosecurity/falco", "docker.io/sysdig/sysdig", "sysdig/sysdig",
  "gcr.io/google_containers/hyperkube", "gcr.io/google_containers/kube-proxy", "docker.io/calico/node", "docker.io/rook/toolbox",
  "docker.io/cloudnativelabs/kube-router", "docker.io/consul", "docker.io/datadog/docker-dd-agent", "docker.io/datadog/agent",
  "docker.io/docker/ucp-agent", "docker.io/gliderlabs/logspout", "docker.io/netdata/netdata", "docker.io/google/cadvisor",
  "docker.io/prom/node-exporter", "amazon/amazon-ecs-agent", "prom/node-exporter", "amazon/cloudwatch-agent",
];
const HOSTNETWORK_IMAGES = [
  "gcr.io/google-containers/prometheus-to-sd", "gcr.io/projectcalico-org/typha", "gcr.io/projectcalico-org/node", "gke.gcr.io/gke-metadata-server",
  "gke.gcr.io/kube-proxy", "gke.gcr.io/netd-amd64", "registry.k8s.io/ip-masq-agent-amd64", "registry.k8s.io/prometheus-to-sd",
];
const KUBE_NAMESPACE_IMAGES = [
  "gcr.io/google-containers/prometheus-to-sd", "gcr.io/projectcalico-org/node", "gke.gcr.io/addon-resizer", "gke.gcr.io/heapster",
  "gke.gcr.io/gke-metadata-server", "registry.k8s.io/ip-masq-agent-amd64", "registry.k8s.io/kube-apiserver", "gke.gcr.io/kube-proxy",
  "gke.gcr.io/netd-amd64", "gke.gcr.io/watcher-daemonset", "registry.k8s.io/addon-resizer", "registry.k8s.io/prometheus-to-sd",
  "registry.k8s.io/k8s-dns-dnsmasq-nanny-amd64", "registry.k8s.io/k8s-dns-kube-dns-amd64", "registry.k8s.io/k8s-dns-sidecar-amd64",
  "registry.k8s.io/metrics-server-amd64", "kope/kube-apiserver-healthcheck",
];
export const SENSITIVE_HOST_PATHS = [
  "/proc", "/var/run/docker.sock", "/", "/etc", "/root", "/var/run/crio/crio.sock", "/run/containerd/containerd.sock", "/home/admin",
  "/var/lib/kubelet", "/var/lib/kubelet/pki", "/etc/kubernetes", "/etc/kubernetes/manifests",
];
// Capabilities that amount to root on the node (container escape, kernel modules, raw devices, tracing other processes).
const DANGEROUS_CAPS = ["ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "SYS_BOOT", "DAC_READ_SEARCH", "NET_ADMIN", "BPF", "PERFMON", "SYSLOG", "MAC_ADMIN", "MAC_OVERRIDE"];

const POD_CREATE = `verb:create AND ${POD}`;
const CREATED_POD = "Pod {object_name} in {namespace} by {actor}";
const POD_REFS = ["https://kubernetes.io/docs/concepts/security/pod-security-standards/"];

export const WORKLOAD_RULES: RuleSpec[] = [
  {
    id: "k8s.pod-exec-attach",
    name: "Exec or attach into a pod",
    description:
      "Someone opened a session in a running container (pods/exec or pods/attach). Legitimate for debugging, but it is also how an attacker with a stolen credential runs commands inside workloads.",
    severity: "high",
    kind: "match",
    // exec is logged when the stream starts (ResponseStarted) and again when it ends; both are one alert.
    definition: {
      query: "layer:audit AND verb:(create OR get) AND resource:pods AND subresource:(exec OR attach) AND -attributes.stage:RequestReceived",
      title: "{subresource} into {namespace}/{pod} by {actor}",
      scopes: {
        "sigma:Potential Remote Command Execution In Pod Container": "verb:create AND subresource:exec",
        "elastic:Kubernetes User Exec into Pod": "subresource:exec",
        "panther:Kubernetes.Pod.Exec": "subresource:exec",
      },
    },
    mitre: ["T1609"],
    equivalents: ["falco:Attach/Exec Pod", "sigma:Potential Remote Command Execution In Pod Container", "elastic:Kubernetes User Exec into Pod", "panther:Kubernetes.Pod.Exec"],
    remediation:
      "Confirm with the actor that the session was expected. If not, revoke the actor's credentials (service-account token or kubeconfig), inspect the container for changes, and restrict pods/exec in RBAC to break-glass roles.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/rbac/", "https://attack.mitre.org/techniques/T1609/"],
  },
  {
    id: "k8s.pod-exec-suspicious",
    name: "Exec running a download, reverse-shell or credential-access command",
    description:
      "The command of a pods/exec (the `command=` parameters of the request) fetches something from the network, opens a reverse shell, queries the cloud instance metadata service or reads credential files. This is the exec rule with the command that makes it an attack, so it replaces that alert for the same request.",
    severity: "critical",
    kind: "match",
    definition: {
      query:
        "layer:audit AND resource:pods AND subresource:exec AND -attributes.stage:RequestReceived AND attributes.requestURI:/[?&]command=[^&]*(curl|wget|nc%20|ncat|socat|bash%20-i|%2Fdev%2Ftcp|\\/dev\\/tcp|169\\.254\\.169\\.254|metadata\\.google\\.internal|%2Fetc%2Fshadow|\\/etc\\/shadow|\\.kube|serviceaccount%2Ftoken|serviceaccount\\/token|\\.aws%2Fcredentials|\\.aws\\/credentials)/i",
      title: "Suspicious exec into {namespace}/{pod} by {actor}",
      supersedes: ["k8s.pod-exec-attach", "k8s.kubectl-cp"],
      scopes: {
        "elastic:Kubernetes Pod Exec with Curl or Wget to HTTPS": "attributes.requestURI:/(curl|wget)/i",
        "elastic:Kubernetes Pod Exec Potential Reverse Shell": "attributes.requestURI:/(nc%20|ncat|socat|bash%20-i|dev%2Ftcp|dev\\/tcp)/i",
        "elastic:Kubernetes Pod Exec Cloud Instance Metadata Access": "attributes.requestURI:/(169\\.254\\.169\\.254|metadata\\.google\\.internal)/i",
        "elastic:Kubernetes Pod Exec Sensitive File or Credential Path Access": "attributes.requestURI:/(shadow|\\.kube|serviceaccount|\\.aws)/i",
      },
    },
    mitre: ["T1609", "T1105", "T1552.005"],
    equivalents: [
      "elastic:Kubernetes Pod Exec with Curl or Wget to HTTPS", "elastic:Kubernetes Pod Exec Potential Reverse Shell",
      "elastic:Kubernetes Pod Exec Cloud Instance Metadata Access", "elastic:Kubernetes Pod Exec Sensitive File or Credential Path Access",
    ],
    remediation:
      "Treat the pod as compromised: capture its filesystem and network connections, revoke the actor's credentials and the pod's service-account token, and block egress to the metadata service (169.254.169.254) with a NetworkPolicy.",
    references: ["https://attack.mitre.org/techniques/T1609/", "https://kubernetes.io/docs/concepts/services-networking/network-policies/"],
  },
  {
    id: "k8s.kubectl-cp",
    name: "Files copied in or out of a pod (kubectl cp)",
    description: "`kubectl cp` is an exec running tar in the container: a quick way to exfiltrate files or drop tools into a workload.",
    severity: "medium",
    kind: "match",
    definition: {
      query: "layer:audit AND resource:pods AND subresource:exec AND -attributes.stage:RequestReceived AND attributes.requestURI:/[?&]command=tar(&|$)/",
      title: "kubectl cp with {namespace}/{pod} by {actor}",
      supersedes: ["k8s.pod-exec-attach"],
    },
    mitre: ["T1609", "T1041"],
    equivalents: ["panther:Kubernetes.Kubectl.CP.Operation"],
    remediation: "Ask the actor what was copied and why; review the files in the container. Restrict pods/exec to break-glass roles.",
    references: ["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_cp/"],
  },
  {
    id: "k8s.pod-portforward",
    name: "Port-forward to a pod",
    description: "A tunnel from a client through the API server into a pod (pods/portforward): reaches services that are not exposed, bypassing network policy.",
    severity: "medium",
    kind: "match",
    definition: { query: "layer:audit AND resource:pods AND subresource:portforward AND -attributes.stage:RequestReceived", title: "Port-forward to {namespace}/{pod} by {actor}" },
    mitre: ["T1572"],
    equivalents: ["falco:port-forward"],
    remediation: "Confirm the tunnel was expected; restrict pods/portforward in RBAC.",
    references: ["https://kubernetes.io/docs/tasks/access-application-cluster/port-forward-access-application-cluster/"],
  },
  {
    id: "k8s.ephemeral-container",
    name: "Ephemeral container added to a pod",
    description: "A debug container was injected into a running pod (pods/ephemeralcontainers). It shares the pod's namespaces and can carry any image.",
    severity: "medium",
    kind: "match",
    definition: { query: audit("resource:pods AND subresource:ephemeralcontainers AND verb:(create OR update OR patch)"), title: "Ephemeral container in {namespace}/{pod} by {actor}" },
    mitre: ["T1609", "T1610"],
    equivalents: ["falco:EphemeralContainers Created", "elastic:Kubernetes Ephemeral Container Added to Pod"],
    remediation: "Check the image and command of the ephemeral container; restrict pods/ephemeralcontainers to break-glass roles.",
    references: ["https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/"],
  },
  {
    id: "k8s.pod-privileged",
    name: "Privileged pod created",
    description: "A pod with a privileged container (securityContext.privileged: true) has all capabilities and the host's devices: escaping to the node is one command away.",
    severity: "high",
    kind: "match",
    definition: { query: audit(`${POD_CREATE} AND ${anyContainer("securityContext.privileged", "true")}${exceptImages(PRIVILEGED_IMAGES)}`), title: `Privileged ${CREATED_POD}` },
    mitre: ["T1610", "T1611"],
    equivalents: ["falco:Create Privileged Pod", "elastic:Kubernetes Privileged Pod Created", "panther:Kubernetes.Pod.Privileged.Created"],
    remediation: "Enforce the Pod Security Standard 'baseline' (or 'restricted') on the namespace; if the workload really needs privileges, grant individual capabilities instead.",
    references: POD_REFS,
  },
  {
    id: "k8s.pod-host-network",
    name: "Pod created with hostNetwork",
    description: "The pod shares the node's network namespace: it can sniff node traffic and reach services bound to localhost on the node.",
    severity: "medium",
    kind: "match",
    definition: { query: audit(`${POD_CREATE} AND ${SPEC}.hostNetwork:true${exceptImages(HOSTNETWORK_IMAGES)}`), title: `hostNetwork ${CREATED_POD}` },
    mitre: ["T1611"],
    equivalents: ["falco:Create HostNetwork Pod", "elastic:Kubernetes Pod Created With HostNetwork", "panther:Kubernetes.Pod.Host.Network"],
    remediation: "Enforce the 'baseline' Pod Security Standard, which forbids host namespaces.",
    references: POD_REFS,
  },
  {
    id: "k8s.pod-host-pid",
    name: "Pod created with hostPID",
    description: "The pod sees every process on the node and can read their environment and memory.",
    severity: "high",
    kind: "match",
    definition: { query: audit(`${POD_CREATE} AND ${SPEC}.hostPID:true`), title: `hostPID ${CREATED_POD}` },
    mitre: ["T1611"],
    equivalents: ["falco:Create HostPid Pod", "elastic:Kubernetes Pod Created With HostPID", "panther:Kubernetes.Pod.Host.PID"],
    remediation: "Enforce the 'baseline' Pod Security Standard, which forbids host namespaces.",
    references: POD_REFS,
  },
  {
    id: "k8s.pod-host-ipc",
    name: "Pod created with hostIPC",
    description: "The pod shares the node's IPC namespace (shared memory of other processes).",
    severity: "medium",
    kind: "match",
    definition: { query: audit(`${POD_CREATE} AND ${SPEC}.hostIPC:true`), title: `hostIPC ${CREATED_POD}` },
    mitre: ["T1611"],
    equivalents: ["falco:Create HostIPC Pod", "elastic:Kubernetes Pod Created With HostIPC", "panther:Kubernetes.Pod.Host.IPC"],
    remediation: "Enforce the 'baseline' Pod Security Standard, which forbids host namespaces.",
    references: POD_REFS,
  },
  {
    id: "k8s.pod-sensitive-hostpath",
    name: "Pod mounting a sensitive host path",
    description: `A hostPath volume of the node's ${SENSITIVE_HOST_PATHS.slice(0, 5).join(", ")} … gives the container the node's credentials, container runtime socket or root filesystem.`,
    severity: "high",
    kind: "match",
    definition: {
      query: audit(`${POD_CREATE} AND ${SPEC}.volumes.hostPath.path:(${SENSITIVE_HOST_PATHS.map((p) => `"${p}"`).join(" OR ")})${exceptImages(SENSITIVE_MOUNT_IMAGES)}`),
      title: `Sensitive hostPath ${CREATED_POD}`,
      supersedes: ["k8s.pod-hostpath"],
    },
    mitre: ["T1611"],
    equivalents: ["falco:Create Sensitive Mount Pod", "elastic:Kubernetes Pod Created with a Sensitive hostPath Volume", "panther:Kubernetes.Pod.HostPath.Volume"],
    remediation: "Remove the hostPath volume or mount it read-only with a narrower path; enforce the 'baseline' Pod Security Standard, which forbids hostPath.",
    references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath", ...POD_REFS],
  },
  {
    id: "k8s.pod-hostpath",
    name: "Pod with a hostPath volume",
    description: "A pod mounts a directory of the node. Often benign for node agents (DaemonSets in kube-system), but a writable hostPath is a classic container escape.",
    severity: "low",
    kind: "match",
    definition: { query: audit(`verb:create AND resource:pods AND _exists_:${SPEC}.volumes.hostPath`), title: `hostPath ${CREATED_POD}` },
    mitre: ["T1611"],
    equivalents: ["sigma:Container With A hostPath Mount Created"],
    remediation: "Prefer emptyDir, configMap or CSI volumes; if the node path is needed, mount it read-only.",
    references: ["https://kubernetes.io/docs/concepts/storage/volumes/#hostpath"],
  },
  {
    id: "k8s.pod-dangerous-capabilities",
    name: "Container with dangerous capabilities",
    description: `A container adds ${DANGEROUS_CAPS.join(", ")}: each of these is enough to escape to the node or read other workloads. (Sigma's 'Privileged Container Deployed' fires on any capabilities block, including one that only drops capabilities; this rule only on added dangerous ones.)`,
    severity: "high",
    kind: "match",
    definition: {
      query: audit(`verb:create AND ${POD} AND (${ALL_CONTAINERS.map((c) => `${SPEC}.${c}.securityContext.capabilities.add:(${DANGEROUS_CAPS.join(" OR ")})`).join(" OR ")})`),
      title: `Dangerous capabilities: ${CREATED_POD}`,
    },
    mitre: ["T1611", "T1068"],
    equivalents: ["elastic:Kubernetes Container Created with Excessive Linux Capabilities", "panther:Kubernetes.Pod.Dangerous.Capabilities", "sigma:Privileged Container Deployed"],
    remediation: "Drop ALL capabilities and add back only what the process needs (NET_BIND_SERVICE is usually enough); enforce the 'restricted' Pod Security Standard.",
    references: ["https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#set-capabilities-for-a-container", ...POD_REFS],
  },
  {
    id: "k8s.pod-kube-namespace",
    name: "Pod created in kube-system or kube-public",
    description: "Pods in the system namespaces run next to the control-plane add-ons and can use their service accounts; an attacker names a backdoor like a system pod to hide it.",
    severity: "medium",
    kind: "match",
    definition: {
      query: audit(`${POD_CREATE} AND namespace:(kube-system OR kube-public)${exceptImages(KUBE_NAMESPACE_IMAGES)}`),
      title: `${CREATED_POD}`,
      scopes: {
        "sigma:Creation Of Pod In System Namespace": "namespace:kube-system",
        "panther:Kubernetes.Pod.SystemNamespace": "-actor:system:*",
      },
    },
    mitre: ["T1036.005", "T1610"],
    equivalents: ["falco:Pod Created in Kube Namespace", "sigma:Creation Of Pod In System Namespace", "panther:Kubernetes.Pod.SystemNamespace"],
    remediation: "Check that the pod belongs to a known add-on (its owner and image); deploy applications to their own namespaces and restrict pod creation in kube-system.",
    references: ["https://microsoft.github.io/Threat-Matrix-for-Kubernetes/techniques/Pod%20or%20container%20name%20similarily/"],
  },
  {
    id: "k8s.controller-sa-assignment",
    name: "Pod using a controller's service account",
    description: "A person created a pod in kube-system that runs as one of the controllers' service accounts, borrowing their broad RBAC rights.",
    severity: "high",
    kind: "match",
    definition: { query: audit(`${POD_CREATE} AND namespace:kube-system AND ${SPEC}.serviceAccountName:*controller* AND -actor:system:* AND ${SUCCESS}`), title: `${CREATED_POD} runs as {attributes.requestObject.spec.serviceAccountName}` },
    mitre: ["T1078.004"],
    equivalents: ["elastic:Kubernetes Suspicious Assignment of Controller Service Account"],
    remediation: "Delete the pod, review who may create pods in kube-system, and rotate the controller's token if the pod ran.",
    references: ["https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/"],
  },
];
