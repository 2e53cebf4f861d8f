/**
 * Falco alerts as its JSON output writes them (output, priority, rule, time,
 * source, tags, hostname, output_fields). The background is the everyday
 * noise of a default rule set — privileged CNI pods, probes running shells,
 * controllers talking to the API server; the attack stories add the real hits.
 */
import type { NormalizedEvent, Severity } from "@/lib/events/types";
import { placeIn, row } from "./layers";
import { clockNano, isoNano, type Rng, weighted } from "./rng";
import type { Container, Estate, NodeInfo } from "./topology";

export type FalcoPriority = "Emergency" | "Alert" | "Critical" | "Error" | "Warning" | "Notice" | "Informational" | "Debug";
const SEVERITY: Record<FalcoPriority, Severity> = {
  Emergency: "emergency", Alert: "alert", Critical: "critical", Error: "error", Warning: "warning", Notice: "notice", Informational: "info", Debug: "debug",
};

export type FalcoSpec = {
  ms: number; sub: number; rule: string; priority: FalcoPriority; tags: readonly string[];
  /** the human sentence of the rule's output, before the field list */
  text: string;
  /** rule-specific `key=value` part of the output, before the container fields */
  detail: string;
  /** null for an event on the host itself */
  ct: Container | null; node: NodeInfo;
  proc: { name: string; cmdline: string; exepath: string; pname: string; user?: string };
  extra?: Record<string, unknown>;
};

export function falcoEvent(s: FalcoSpec): NormalizedEvent {
  const ct = s.ct;
  const id = ct ? ct.id.slice(0, 12) : "host";
  const [repo, tag] = ct ? splitImage(ct.image) : ["", ""];
  const user = s.proc.user ?? "root";
  const where = ct
    ? ` container_id=${id} container_image=${repo} container_image_tag=${tag} container_name=${ct.name} k8s_ns=${ct.pod.namespace} k8s_pod_name=${ct.pod.name}`
    : " container_id=host container_image=<NA> container_image_tag=<NA> container_name=host k8s_ns=<NA> k8s_pod_name=<NA>";
  const body = `${s.priority} ${s.text} (${s.detail} user=${user} user_uid=${user === "root" ? 0 : 1000} process=${s.proc.name} proc_exepath=${s.proc.exepath} parent=${s.proc.pname} command=${s.proc.cmdline}${where})`;
  const d = new Date(s.ms);
  const fields: Record<string, unknown> = {
    "container.id": id, "container.image.repository": ct ? repo : null, "container.image.tag": ct ? tag : null, "container.name": ct ? ct.name : "host",
    "evt.time": s.ms * 1_000_000 + s.sub * 1000, "k8s.ns.name": ct ? ct.pod.namespace : null, "k8s.pod.name": ct ? ct.pod.name : null,
    "proc.cmdline": s.proc.cmdline, "proc.exepath": s.proc.exepath, "proc.name": s.proc.name, "proc.pname": s.proc.pname,
    "user.loginuid": -1, "user.name": user, "user.uid": user === "root" ? 0 : 1000, ...s.extra,
  };
  const time = isoNano(s.ms, s.sub);
  const raw = {
    hostname: s.node.name, output: `${clockNano(d, s.sub)}: ${body}`, output_fields: fields, priority: s.priority, rule: s.rule,
    source: "syscall", tags: s.tags, time,
  };
  const e = row(s.ms, s.node.cluster, "runtime", "falco", SEVERITY[s.priority], `${s.rule}: ${body}`, raw);
  e.node = s.node.name;
  e.tsText = time.slice(0, 26) + "Z";
  return ct ? placeIn(e, ct.pod, ct) : e;
}

function splitImage(image: string): [string, string] {
  const i = image.lastIndexOf(":");
  return i > image.lastIndexOf("/") ? [image.slice(0, i), image.slice(i + 1)] : [image, "latest"];
}

type Gen = (rng: Rng, ms: number, sub: number, e: Estate) => FalcoSpec | null;
const byWorkload = (e: Estate, rng: Rng, names: readonly string[]): Container | null => {
  const cl = e.pickCluster(rng);
  const w = cl.workloads.find((x) => x.name === names[rng.int(names.length)]);
  return w && w.pods.length ? rng.pick(w.pods).containers[0] : null;
};

const apiFromContainer: Gen = (rng, ms, sub, e) => {
  const ct = byWorkload(e, rng, ["argocd-application-controller", "prometheus-k8s", "cert-manager", "metrics-server"]);
  if (!ct) return null;
  const port = rng.range(32768, 60999);
  return { ms, sub, ct, node: ct.pod.node, rule: "Contact K8S API Server From Container", priority: "Notice", tags: ["maturity_stable", "container", "k8s", "network", "mitre_discovery", "T1565"],
    text: "Unexpected connection to K8s API Server from container", detail: `connection=${ct.pod.ip}:${port}->172.20.0.1:443 lport=443 rport=${port} fd_type=ipv4 fd_proto=tcp evt_type=connect`,
    proc: { name: ct.name.slice(0, 15), cmdline: ct.name, exepath: `/usr/local/bin/${ct.name}`, pname: "containerd-shim" }, extra: { "fd.name": `${ct.pod.ip}:${port}->172.20.0.1:443` } };
};

const privileged: Gen = (rng, ms, sub, e) => {
  const ct = byWorkload(e, rng, ["aws-node", "kube-proxy", "falco"]);
  if (!ct) return null;
  return { ms, sub, ct, node: ct.pod.node, rule: "Launch Privileged Container", priority: "Informational", tags: ["maturity_incubating", "container", "cis", "mitre_execution", "T1610", "PCI_DSS_10.2.5"],
    text: "Privileged container started", detail: `evt_type=container`, proc: { name: "container:" + ct.id.slice(0, 12), cmdline: "container:" + ct.id.slice(0, 12), exepath: "", pname: "<NA>" } };
};

const packetSocket: Gen = (rng, ms, sub, e) => {
  const ct = byWorkload(e, rng, ["aws-node"]);
  if (!ct) return null;
  return { ms, sub, ct, node: ct.pod.node, rule: "Packet socket created in container", priority: "Notice", tags: ["maturity_stable", "container", "network", "mitre_credential_access", "T1557.002"],
    text: "Packet socket was created in a container", detail: "socket_info=domain=17(AF_PACKET) type=3 proto=768 evt_type=socket", proc: { name: "aws-k8s-agent", cmdline: "aws-k8s-agent", exepath: "/app/aws-k8s-agent", pname: "aws-vpc-cni" } };
};

/** Readiness probes that run `sh -c` trip the shell rule in every default install. */
const probeShell: Gen = (rng, ms, sub, e) => {
  const ct = byWorkload(e, rng, ["ledger-db", "redis"]);
  if (!ct) return null;
  const cmd = ct.name === "postgres" ? "sh -c pg_isready -U ledger -h 127.0.0.1 -p 5432" : "sh -c redis-cli ping";
  return { ms, sub, ct, node: ct.pod.node, rule: "Run shell untrusted", priority: "Notice", tags: ["maturity_stable", "host", "container", "process", "shell", "mitre_execution", "T1059.004"],
    text: "Shell spawned by untrusted binary", detail: "parent_exe=/usr/bin/runc parent_exepath=/usr/bin/runc pcmdline=runc init gparent=containerd-shim evt_type=execve", proc: { name: "sh", cmdline: cmd, exepath: "/bin/sh", pname: "runc" } };
};

/** Argo CD's kustomize/helm plugins download binaries at runtime: a classic false positive. */
const dropExec: Gen = (rng, ms, sub, e) => {
  const ct = byWorkload(e, rng, ["argocd-repo-server"]);
  if (!ct) return null;
  return { ms, sub, ct, node: ct.pod.node, rule: "Drop and execute new binary in container", priority: "Critical", tags: ["maturity_stable", "container", "process", "mitre_persistence", "TA0003", "PCI_DSS_11.5.1"],
    text: "Executing binary not part of base image", detail: "proc_exe=/tmp/_argocd-plugins/kustomize proc_sname=argocd-repo-ser gparent=tini proc_exe_ino_ctime=1714560000 evt_type=execve exe_flags=EXE_UPPER_LAYER",
    proc: { name: "kustomize", cmdline: "kustomize build . --enable-helm", exepath: "/tmp/_argocd-plugins/kustomize", pname: "argocd-repo-ser", user: "argocd" } };
};

const pick = weighted<Gen>([[apiFromContainer, 40], [privileged, 22], [packetSocket, 10], [probeShell, 24], [dropExec, 2]]);

export function backgroundFalco(rng: Rng, ms: number, sub: number, estate: Estate): NormalizedEvent {
  for (;;) {
    const spec = pick(rng)(rng, ms, sub, estate);
    if (spec) return falcoEvent(spec);
  }
}
