/**
 * The demo estate: three EKS-style clusters with nodes, namespaces, workloads,
 * pods and containers named the way real ones are, plus the people and
 * service accounts that act on them. Built once per seed, independently of the
 * event count, so the same seed always shows the same pods.
 */
import { Rng, weighted } from "./rng";

/** Which log dialect a container writes (see logs.ts). */
export type LogKind =
  | "ingress" | "nginx" | "go-json" | "pino" | "postgres" | "redis" | "coredns" | "prom" | "grafana"
  | "fluent-bit" | "falco" | "argocd" | "klog" | "aws-node" | "linkerd";

type ContainerSpec = { name: string; image: string; log: LogKind; weight: number };
type WorkloadSpec = {
  ns: string; name: string; kind: "Deployment" | "DaemonSet" | "StatefulSet"; replicas: number; sa: string;
  containers: ContainerSpec[]; privileged?: boolean;
};

const c = (name: string, image: string, log: LogKind, weight: number): ContainerSpec => ({ name, image, log, weight });
const ECR = "602401143452.dkr.ecr.REGION.amazonaws.com";
const ARGO = "quay.io/argoproj/argocd:v2.10.9";

// Log weights approximate relative log volume: edge and API services dominate, as in a real estate.
const WORKLOADS: WorkloadSpec[] = [
  { ns: "kube-system", name: "coredns", kind: "Deployment", replicas: 2, sa: "coredns", containers: [c("coredns", "registry.k8s.io/coredns/coredns:v1.11.1", "coredns", 3)] },
  { ns: "kube-system", name: "kube-proxy", kind: "DaemonSet", replicas: 0, sa: "kube-proxy", privileged: true, containers: [c("kube-proxy", "registry.k8s.io/kube-proxy:v1.29.3", "klog", 0.08)] },
  { ns: "kube-system", name: "aws-node", kind: "DaemonSet", replicas: 0, sa: "aws-node", privileged: true, containers: [c("aws-node", `${ECR}/amazon-k8s-cni:v1.18.1`, "aws-node", 0.1)] },
  { ns: "kube-system", name: "ebs-csi-controller", kind: "Deployment", replicas: 2, sa: "ebs-csi-controller-sa", containers: [c("ebs-plugin", "public.ecr.aws/ebs-csi-driver/aws-ebs-csi-driver:v1.29.1", "klog", 0.2), c("csi-provisioner", "registry.k8s.io/sig-storage/csi-provisioner:v4.0.0", "klog", 0.15)] },
  { ns: "kube-system", name: "metrics-server", kind: "Deployment", replicas: 1, sa: "metrics-server", containers: [c("metrics-server", "registry.k8s.io/metrics-server/metrics-server:v0.7.1", "klog", 0.4)] },
  { ns: "monitoring", name: "prometheus-k8s", kind: "StatefulSet", replicas: 2, sa: "prometheus-k8s", containers: [c("prometheus", "quay.io/prometheus/prometheus:v2.51.2", "prom", 0.8), c("config-reloader", "quay.io/prometheus-operator/prometheus-config-reloader:v0.73.2", "prom", 0.05)] },
  { ns: "monitoring", name: "alertmanager-main", kind: "StatefulSet", replicas: 1, sa: "alertmanager-main", containers: [c("alertmanager", "quay.io/prometheus/alertmanager:v0.27.0", "prom", 0.3)] },
  { ns: "monitoring", name: "node-exporter", kind: "DaemonSet", replicas: 0, sa: "node-exporter", containers: [c("node-exporter", "quay.io/prometheus/node-exporter:v1.8.0", "prom", 0.03)] },
  { ns: "monitoring", name: "grafana", kind: "Deployment", replicas: 1, sa: "grafana", containers: [c("grafana", "docker.io/grafana/grafana:10.4.2", "grafana", 0.6)] },
  { ns: "logging", name: "fluent-bit", kind: "DaemonSet", replicas: 0, sa: "fluent-bit", containers: [c("fluent-bit", "cr.fluentbit.io/fluent/fluent-bit:3.0.3", "fluent-bit", 0.08)] },
  { ns: "falco", name: "falco", kind: "DaemonSet", replicas: 0, sa: "falco", privileged: true, containers: [c("falco", "docker.io/falcosecurity/falco-no-driver:0.37.1", "falco", 0.05)] },
  { ns: "ingress-nginx", name: "ingress-nginx-controller", kind: "Deployment", replicas: 2, sa: "ingress-nginx", containers: [c("controller", "registry.k8s.io/ingress-nginx/controller:v1.10.1", "ingress", 9)] },
  { ns: "cert-manager", name: "cert-manager", kind: "Deployment", replicas: 1, sa: "cert-manager", containers: [c("cert-manager-controller", "quay.io/jetstack/cert-manager-controller:v1.14.5", "klog", 0.3)] },
  { ns: "argocd", name: "argocd-server", kind: "Deployment", replicas: 1, sa: "argocd-server", containers: [c("argocd-server", ARGO, "argocd", 0.4)] },
  { ns: "argocd", name: "argocd-application-controller", kind: "StatefulSet", replicas: 1, sa: "argocd-application-controller", containers: [c("argocd-application-controller", ARGO, "argocd", 1)] },
  { ns: "argocd", name: "argocd-repo-server", kind: "Deployment", replicas: 1, sa: "argocd-repo-server", containers: [c("argocd-repo-server", ARGO, "argocd", 0.4)] },
  { ns: "payments", name: "payments-api", kind: "Deployment", replicas: 3, sa: "payments-api", containers: [c("payments-api", "ghcr.io/corp-example/payments-api:1.42.0", "go-json", 5), c("linkerd-proxy", "cr.l5d.io/linkerd/proxy:stable-2.14.10", "linkerd", 0.3)] },
  { ns: "payments", name: "payments-worker", kind: "Deployment", replicas: 2, sa: "payments-worker", containers: [c("payments-worker", "ghcr.io/corp-example/payments-worker:1.42.0", "go-json", 2)] },
  { ns: "payments", name: "ledger-db", kind: "StatefulSet", replicas: 1, sa: "ledger-db", containers: [c("postgres", "docker.io/library/postgres:16.2", "postgres", 1.2)] },
  { ns: "checkout", name: "checkout", kind: "Deployment", replicas: 3, sa: "checkout", containers: [c("checkout", "ghcr.io/corp-example/checkout:2.7.3", "go-json", 5)] },
  { ns: "checkout", name: "cart", kind: "Deployment", replicas: 2, sa: "cart", containers: [c("cart", "ghcr.io/corp-example/cart:2.7.3", "go-json", 3)] },
  { ns: "checkout", name: "redis", kind: "StatefulSet", replicas: 1, sa: "default", containers: [c("redis", "docker.io/library/redis:7.2.4", "redis", 0.6)] },
  { ns: "inventory", name: "inventory", kind: "Deployment", replicas: 2, sa: "inventory", containers: [c("inventory", "ghcr.io/corp-example/inventory:0.19.2", "go-json", 2.5)] },
  { ns: "frontend", name: "web", kind: "Deployment", replicas: 3, sa: "default", containers: [c("nginx", "docker.io/library/nginx:1.25.4", "nginx", 4)] },
  { ns: "frontend", name: "storefront", kind: "Deployment", replicas: 3, sa: "storefront", containers: [c("storefront", "ghcr.io/corp-example/storefront:5.3.0", "pino", 4.5)] },
];

export type NodeInfo = {
  cluster: string; name: string; ip: string; bootId: string; machineId: string; instanceId: string;
  kubeletPid: number; containerdPid: number;
};
/** kind "Pod" stands for a bare pod nobody controls (the attacker's pod in story d). */
export type Workload = { cluster: string; namespace: string; name: string; kind: WorkloadSpec["kind"] | "Pod"; sa: string; privileged: boolean; pods: Pod[] };
export type Pod = { cluster: string; namespace: string; name: string; uid: string; ip: string; node: NodeInfo; workload: Workload; containers: Container[]; hash: string };
export type Container = {
  pod: Pod; name: string; image: string; id: string; log: LogKind; weight: number;
  /** Fluent Bit's kubernetes-filter block; one shared, read-only object per container. */
  meta: Record<string, unknown>;
};
export type Cluster = {
  name: string; region: string; prefix: string; weight: number; apiServerIp: string; controlPlaneIp: string;
  nodes: NodeInfo[]; workloads: Workload[]; pods: Pod[]; containers: Container[];
};
export type Person = { username: string; groups: string[]; ip: string; agent: string };
export type Estate = {
  clusters: Cluster[];
  people: Person[];
  /** weighted pickers over the whole estate; cluster traffic weights included */
  pickContainer: (rng: Rng) => Container;
  pickPod: (rng: Rng) => Pod;
  pickNode: (rng: Rng) => NodeInfo;
  pickCluster: (rng: Rng) => Cluster;
};

const CLUSTERS = [
  { name: "prod-eu-1", region: "eu-west-1", prefix: "10.0", nodes: 6, weight: 1, staging: false },
  { name: "prod-us-1", region: "us-east-1", prefix: "10.1", nodes: 5, weight: 0.8, staging: false },
  { name: "staging", region: "eu-west-1", prefix: "10.2", nodes: 3, weight: 0.3, staging: true },
];

const KUBECTL = "kubectl/v1.29.2 (darwin/arm64) kubernetes/4b8e819";
// Documentation address ranges: 198.51.100.0/24 is "the corporate VPN", 192.0.2.0/24 CI runners;
// attackers use 203.0.113.0/24 (see stories.ts), so nothing here is a real party's address.
export const PEOPLE: Person[] = [
  { username: "alice@corp.example", groups: ["oidc:platform-admins", "system:authenticated"], ip: "198.51.100.23", agent: KUBECTL },
  { username: "bob@corp.example", groups: ["oidc:developers", "system:authenticated"], ip: "198.51.100.41", agent: "kubectl/v1.30.1 (linux/amd64) kubernetes/6911225" },
  { username: "carol@corp.example", groups: ["oidc:sre", "system:authenticated"], ip: "198.51.100.57", agent: "k9s/v0.32.4 (linux/amd64)" },
  { username: "dave@corp.example", groups: ["oidc:contractors", "system:authenticated"], ip: "198.51.100.88", agent: "kubectl/v1.28.4 (windows/amd64) kubernetes/bae2c62" },
  { username: "ci-bot", groups: ["ci:deployers", "system:authenticated"], ip: "192.0.2.14", agent: "kubectl/v1.29.2 (linux/amd64) kubernetes/4b8e819" },
];

function nodeName(prefix: string, region: string, subnet: number, host: number): string {
  const ip = `${prefix}.${subnet}.${host}`;
  // us-east-1 is the one AWS region whose private DNS names use ec2.internal.
  const domain = region === "us-east-1" ? "ec2.internal" : `${region}.compute.internal`;
  return `ip-${ip.replaceAll(".", "-")}.${domain}`;
}

function buildCluster(rng: Rng, spec: (typeof CLUSTERS)[number]): Cluster {
  const cl: Cluster = {
    name: spec.name, region: spec.region, prefix: spec.prefix, weight: spec.weight, nodes: [], workloads: [], pods: [], containers: [],
    apiServerIp: "172.20.0.1", controlPlaneIp: `${spec.prefix}.${rng.range(32, 63)}.${rng.range(10, 250)}`,
  };
  for (let i = 0; i < spec.nodes; i++) {
    const subnet = 1 + (i % 3);
    const host = rng.range(10, 250);
    cl.nodes.push({
      cluster: spec.name, name: nodeName(spec.prefix, spec.region, subnet, host), ip: `${spec.prefix}.${subnet}.${host}`,
      bootId: rng.hex(32), machineId: rng.hex(32), instanceId: "i-0" + rng.hex(16), kubeletPid: rng.range(2000, 4000), containerdPid: rng.range(900, 1900),
    });
  }
  for (const w of WORKLOADS) {
    const wl: Workload = { cluster: spec.name, namespace: w.ns, name: w.name, kind: w.kind, sa: w.sa, privileged: !!w.privileged, pods: [] };
    const count = w.kind === "DaemonSet" ? spec.nodes : spec.staging ? 1 : w.replicas;
    const rs = rng.chars(rng.range(9, 10));
    for (let i = 0; i < count; i++) {
      const name = w.kind === "Deployment" ? `${w.name}-${rs}-${rng.chars(5)}` : w.kind === "DaemonSet" ? `${w.name}-${rng.chars(5)}` : `${w.name}-${i}`;
      const node = w.kind === "DaemonSet" ? cl.nodes[i] : rng.pick(cl.nodes);
      const pod: Pod = {
        cluster: spec.name, namespace: w.ns, name, uid: rng.uuid(), node, workload: wl, containers: [], hash: rs,
        // DaemonSets of the node's network stack run with hostNetwork and the node's address.
        ip: w.privileged ? node.ip : `${spec.prefix}.${node.ip.split(".")[2]}.${rng.range(2, 254)}`,
      };
      for (const cs of w.containers) {
        // Staging runs the next release candidate of our own images.
        const image = (spec.staging && cs.image.startsWith("ghcr.io/corp-example/") ? cs.image + "-rc.2" : cs.image).replace("REGION", spec.region);
        const id = rng.hex(64);
        const labels: Record<string, string> = { app: w.name };
        labels[w.kind === "Deployment" ? "pod-template-hash" : "controller-revision-hash"] = w.kind === "Deployment" ? rs : rs.slice(0, 10);
        const ct: Container = {
          pod, name: cs.name, image, id, log: cs.log, weight: cs.weight,
          // The filter can also add annotations, pod_ip and container_hash; left out to keep 10M-event demos lean.
          meta: { pod_name: name, namespace_name: w.ns, pod_id: pod.uid, labels, host: node.name, container_name: cs.name, docker_id: id, container_image: image },
        };
        pod.containers.push(ct);
        cl.containers.push(ct);
      }
      wl.pods.push(pod);
      cl.pods.push(pod);
    }
    cl.workloads.push(wl);
  }
  return cl;
}

export function buildEstate(seed: number): Estate {
  const rng = new Rng(seed ^ 0x5eed1e57);
  const clusters = CLUSTERS.map((s) => buildCluster(rng, s));
  const pickContainer = weighted(clusters.flatMap((cl) => cl.containers.map((ct) => [ct, ct.weight * cl.weight] as const)));
  const pickPod = weighted(clusters.flatMap((cl) => cl.pods.map((p) => [p, cl.weight] as const)));
  const pickNode = weighted(clusters.flatMap((cl) => cl.nodes.map((n) => [n, cl.weight] as const)));
  const pickCluster = weighted(clusters.map((cl) => [cl, cl.weight] as const));
  return { clusters, people: PEOPLE, pickContainer, pickPod, pickNode, pickCluster };
}

/** Lookup helpers for the stories, which target specific, named things. */
export function clusterOf(estate: Estate, name: string): Cluster {
  const cl = estate.clusters.find((x) => x.name === name);
  if (!cl) throw new Error(`demo estate has no cluster ${name}`);
  return cl;
}
export function workloadOf(cl: Cluster, name: string): Workload {
  const w = cl.workloads.find((x) => x.name === name);
  if (!w) throw new Error(`demo cluster ${cl.name} has no workload ${name}`);
  return w;
}
export function personOf(name: string): Person {
  return PEOPLE.find((p) => p.username.startsWith(name))!;
}
