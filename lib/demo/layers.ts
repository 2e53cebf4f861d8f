/**
 * Container logs (Fluent Bit kubernetes-filter records) and Kubernetes Events
 * (core v1 Event objects), each kept whole in `attributes` and mapped onto the
 * Kubernetes identity columns by hand until their HTTP normalizers exist.
 */
import type { NormalizedEvent, Severity } from "@/lib/events/types";
import { logLine, type Line } from "./logs";
import { flat, isoNano, type Rng, weighted } from "./rng";
import type { Container, Estate, Pod } from "./topology";

/** Every demo event has the same key order, so V8 shares one hidden class across millions of them. */
export function row(ms: number, cluster: string, layer: NormalizedEvent["layer"], source: string, severity: Severity, message: string, attributes: Record<string, unknown>): NormalizedEvent {
  flat(message);
  return {
    ts: new Date(ms), tsText: undefined, cluster, layer, source, severity, node: null, namespace: null, pod: null, container: null, workload: null,
    actor: null, actorType: null, impersonated: null, verb: null, resource: null, subresource: null, objectName: null, code: null,
    sourceIp: null, message, attributes, image: null,
  };
}

export function placeIn(e: NormalizedEvent, pod: Pod, container: Container | null): NormalizedEvent {
  e.node = pod.node.name;
  e.namespace = pod.namespace;
  e.pod = pod.name;
  e.workload = pod.workload.kind === "Pod" ? null : pod.workload.name;
  if (container) {
    e.container = container.name;
    e.image = container.image;
  }
  return e;
}

/** A Fluent Bit record as its kubernetes filter emits it (CRI parser: time/stream/_p/log). */
export function containerEvent(ct: Container, ms: number, sub: number, l: Line, time = isoNano(ms, sub)): NormalizedEvent {
  const attributes = { date: (ms + sub / 1000) / 1000, time, stream: l.stream, _p: "F", log: l.line, kubernetes: ct.meta };
  const e = row(ms, ct.pod.cluster, "container", "fluent-bit", l.severity, l.line, attributes);
  // Stored with microseconds (the column's precision), as the real normalizers do.
  e.tsText = time.slice(0, 26) + "Z";
  return placeIn(e, ct.pod, ct);
}

export function backgroundContainer(rng: Rng, ms: number, sub: number, estate: Estate): NormalizedEvent {
  const ct = estate.pickContainer(rng);
  const time = isoNano(ms, sub);
  // Apps log µs precision; the CRI line carries ns.
  return containerEvent(ct, ms, sub, logLine(rng, ct, new Date(ms), time.slice(0, 26) + "Z", sub), time);
}

export type KubeEventSpec = {
  ms: number; pod: Pod; reason: string; message: string; warning?: boolean; component?: string;
  /** container the event is about (kubelet events name it in fieldPath) */
  container?: Container; kind?: string; name?: string; count?: number;
};

/** A core/v1 Event about a pod (or, with kind/name, its controller). */
export function kubeEvent(rng: Rng, s: KubeEventSpec): NormalizedEvent {
  const kind = s.kind ?? "Pod";
  const name = s.name ?? s.pod.name;
  const component = s.component ?? "kubelet";
  const sec = new Date(s.ms).toISOString().slice(0, 19) + "Z";
  const involved: Record<string, string> = { kind, namespace: s.pod.namespace, name, uid: kind === "Pod" ? s.pod.uid : rng.uuid(), apiVersion: kind === "Pod" ? "v1" : "apps/v1" };
  if (s.container) involved.fieldPath = `spec.containers{${s.container.name}}`;
  const host = component === "kubelet" ? s.pod.node.name : undefined;
  const raw = {
    kind: "Event", apiVersion: "v1",
    metadata: { name: flat(`${name}.${rng.hex(16)}`), namespace: s.pod.namespace, uid: rng.uuid(), resourceVersion: String(rng.range(10_000_000, 99_999_999)), creationTimestamp: sec },
    involvedObject: involved, reason: s.reason, message: s.message,
    source: host ? { component, host } : { component },
    firstTimestamp: sec, lastTimestamp: sec, count: s.count ?? 1, type: s.warning ? "Warning" : "Normal",
    eventTime: null, reportingComponent: component, reportingInstance: host ?? "",
  };
  const e = row(s.ms, s.pod.cluster, "k8s-event", "k8s-events", s.warning ? "warning" : "info", `${s.reason} ${kind.toLowerCase()}/${name}: ${s.message}`, raw);
  placeIn(e, s.pod, s.container ?? null);
  e.resource = kind === "Pod" ? "pods" : kind.toLowerCase() + "s";
  e.objectName = name;
  return e;
}

type Reason = (rng: Rng, ms: number, pod: Pod) => KubeEventSpec;
const REASONS = weighted<Reason>([
  [(_r, ms, pod) => ({ ms, pod, reason: "Scheduled", component: "default-scheduler", message: `Successfully assigned ${pod.namespace}/${pod.name} to ${pod.node.name}` }), 10],
  [(rng, ms, pod) => { const ct = rng.pick(pod.containers); return { ms, pod, container: ct, reason: "Pulling", message: `Pulling image "${ct.image}"` }; }, 4],
  [(rng, ms, pod) => {
    const ct = rng.pick(pod.containers);
    const s = `${rng.range(0, 9)}.${rng.range(100, 999)}s`;
    const message = rng.chance(0.7) ? `Container image "${ct.image}" already present on machine` : `Successfully pulled image "${ct.image}" in ${s} (${s} including waiting). Image size: ${rng.range(5_000_000, 400_000_000)} bytes.`;
    return { ms, pod, container: ct, reason: "Pulled", message };
  }, 10],
  [(rng, ms, pod) => { const ct = rng.pick(pod.containers); return { ms, pod, container: ct, reason: "Created", message: `Created container ${ct.name}` }; }, 10],
  [(rng, ms, pod) => { const ct = rng.pick(pod.containers); return { ms, pod, container: ct, reason: "Started", message: `Started container ${ct.name}` }; }, 10],
  [(rng, ms, pod) => { const ct = rng.pick(pod.containers); return { ms, pod, container: ct, reason: "Killing", message: `Stopping container ${ct.name}` }; }, 8],
  [(_r, ms, pod) => ({ ms, pod, kind: "ReplicaSet", name: `${pod.workload.name}-${pod.hash}`, component: "replicaset-controller", reason: "SuccessfulCreate", message: `Created pod: ${pod.name}` }), 8],
  [(rng, ms, pod) => ({ ms, pod, kind: "Deployment", name: pod.workload.name, component: "deployment-controller", reason: "ScalingReplicaSet", message: `Scaled ${rng.chance(0.5) ? "up" : "down"} replica set ${pod.workload.name}-${pod.hash} to ${rng.range(1, 6)}` }), 5],
  [(rng, ms, pod) => { const ct = rng.pick(pod.containers); return { ms, pod, container: ct, warning: true, count: rng.range(2, 60), reason: "BackOff", message: `Back-off restarting failed container ${ct.name} in pod ${pod.name}_${pod.namespace}(${pod.uid})` }; }, 4],
  [(rng, ms, pod) => {
    const ct = rng.pick(pod.containers);
    const message = rng.chance(0.6) ? `Readiness probe failed: Get "http://${pod.ip}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` : "Liveness probe failed: HTTP probe failed with statuscode: 503";
    return { ms, pod, container: ct, warning: true, count: rng.range(1, 30), reason: "Unhealthy", message };
  }, 6],
  [(_r, ms, pod) => ({ ms, pod, warning: true, reason: "FailedMount", message: `MountVolume.SetUp failed for volume "tls" : secret "${pod.workload.name}-tls" not found` }), 1.5],
  [(rng, ms, pod) => {
    const n = rng.range(3, 6);
    return { ms, pod, warning: true, component: "default-scheduler", reason: "FailedScheduling", message: `0/${n} nodes are available: ${n} Insufficient memory. preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.` };
  }, 1],
  [(_r, ms, pod) => ({ ms, pod, warning: true, reason: "FailedCreatePodSandBox", message: `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="aws-cni" name="aws-cni" failed (add): add cmd: failed to assign an IP address to container` }), 0.5],
]);

export function backgroundKubeEvent(rng: Rng, ms: number, _sub: number, estate: Estate): NormalizedEvent {
  const pod = estate.pickPod(rng);
  return kubeEvent(rng, REASONS(rng)(rng, ms, pod));
}
