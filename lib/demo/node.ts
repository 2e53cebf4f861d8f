/**
 * Node/OS logs as journald export records (the fields `journalctl -o json`
 * and Fluent Bit's systemd input emit): kubelet, containerd, sshd, sudo,
 * kernel, systemd and friends on each worker node.
 */
import type { NormalizedEvent, Severity } from "@/lib/events/types";
import { row } from "./layers";
import { flat, isoMicro, isoNano, klogTime, type Rng, weighted } from "./rng";
import type { Estate, NodeInfo } from "./topology";

/** syslog PRIORITY 0–7 → the Falco/syslog severity scale. */
const PRIORITY: Severity[] = ["emergency", "alert", "critical", "error", "warning", "notice", "info", "debug"];

export type JournalSpec = {
  ms: number; sub: number; node: NodeInfo; ident: string; pid: number; priority: number; message: string;
  unit?: string; facility?: number; comm?: string;
  /** who acted and from where, when the line says so (sshd, sudo) */
  actor?: string; sourceIp?: string;
};

export function journalEvent(s: JournalSpec): NormalizedEvent {
  const unit = s.unit ?? `${s.ident}.service`;
  const attributes: Record<string, unknown> = {
    __REALTIME_TIMESTAMP: String(s.ms * 1000 + (s.sub % 1000)),
    _HOSTNAME: s.node.name, _SYSTEMD_UNIT: unit, SYSLOG_IDENTIFIER: s.ident, _PID: String(s.pid), _COMM: s.comm ?? s.ident,
    PRIORITY: String(s.priority), SYSLOG_FACILITY: String(s.facility ?? 3), _TRANSPORT: s.ident === "kernel" ? "kernel" : unit === "kubelet.service" || unit === "containerd.service" ? "stdout" : "syslog",
    _BOOT_ID: s.node.bootId, _MACHINE_ID: s.node.machineId, MESSAGE: flat(s.message),
  };
  const e = row(s.ms, s.node.cluster, "node", "journald", PRIORITY[s.priority], s.ident === "kernel" ? `kernel: ${s.message}` : `${s.ident}[${s.pid}]: ${s.message}`, attributes);
  e.node = s.node.name;
  e.tsText = isoMicro(s.ms, s.sub);
  if (s.actor) {
    e.actor = s.actor;
    e.actorType = "user";
  }
  if (s.sourceIp) e.sourceIp = s.sourceIp;
  return e;
}

type Gen = (rng: Rng, ms: number, sub: number, n: NodeInfo, e: Estate) => JournalSpec;
const base = (ms: number, sub: number, node: NodeInfo, ident: string, pid: number, priority: number, message: string): JournalSpec => ({ ms, sub, node, ident, pid, priority, message });

const kubelet: Gen = (rng, ms, sub, n, e) => {
  const pod = rng.pick(e.clusters.find((c) => c.name === n.cluster)!.pods);
  const t = klogTime(new Date(ms), sub);
  const x = rng.next();
  let msg: string;
  let prio = 6;
  if (x < 0.55) msg = `I${t}    ${n.kubeletPid} kubelet.go:2457] "SyncLoop (PLEG): event for pod" pod="${pod.namespace}/${pod.name}" event={"ID":"${pod.uid}","Type":"ContainerStarted","Data":"${rng.hex(64)}"}`;
  else if (x < 0.8) msg = `I${t}    ${n.kubeletPid} kubelet.go:2421] "SyncLoop UPDATE" source="api" pods=["${pod.namespace}/${pod.name}"]`;
  else if (x < 0.95) {
    prio = 4;
    msg = `W${t}    ${n.kubeletPid} prober.go:104] "Probe failed" probeType="Readiness" pod="${pod.namespace}/${pod.name}" podUID="${pod.uid}" containerName="${pod.containers[0].name}" probeResult="failure" output="Get \\"http://${pod.ip}:8080/healthz\\": context deadline exceeded"`;
  } else {
    prio = 3;
    msg = `E${t}    ${n.kubeletPid} pod_workers.go:1298] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"${pod.containers[0].name}\\" with CrashLoopBackOff: \\"back-off 5m0s restarting failed container=${pod.containers[0].name} pod=${pod.name}_${pod.namespace}(${pod.uid})\\"" pod="${pod.namespace}/${pod.name}" podUID="${pod.uid}"`;
  }
  return base(ms, sub, n, "kubelet", n.kubeletPid, prio, msg);
};

const containerd: Gen = (rng, ms, sub, n) => {
  const t = `time="${isoNano(ms, sub)}"`;
  const x = rng.next();
  if (x < 0.97) {
    const what = x < 0.4 ? `StartContainer for \\"${rng.hex(64)}\\" returns successfully` : x < 0.7 ? `CreateContainer within sandbox \\"${rng.hex(64)}\\" for &ContainerMetadata{Name:app,Attempt:0,} returns container id \\"${rng.hex(64)}\\"` : `RemoveContainer for \\"${rng.hex(64)}\\" returns successfully`;
    return base(ms, sub, n, "containerd", n.containerdPid, 6, `${t} level=info msg="${what}"`);
  }
  return base(ms, sub, n, "containerd", n.containerdPid, 3, `${t} level=error msg="ContainerStatus for \\"${rng.hex(64)}\\" failed" error="rpc error: code = NotFound desc = an error occurred when try to find container"`);
};

const kernel: Gen = (rng, ms, sub, n) => {
  const x = rng.next();
  if (x < 0.5) return { ...base(ms, sub, n, "kernel", 0, 6, `IPVS: rr: TCP 172.20.0.10:53 - no destination available`), unit: "kernel", facility: 0 };
  if (x < 0.85) return { ...base(ms, sub, n, "kernel", 0, 6, `eni${rng.hex(11)}: Caught tx_queue_len zero misconfig`), unit: "kernel", facility: 0 };
  if (x < 0.97) return { ...base(ms, sub, n, "kernel", 0, 4, `TCP: request_sock_TCP: Possible SYN flooding on port 10250. Sending cookies.  Check SNMP counters.`), unit: "kernel", facility: 0 };
  return { ...base(ms, sub, n, "kernel", 0, 3, `Memory cgroup out of memory: Killed process ${rng.range(2000, 60000)} (node) total-vm:${rng.range(900000, 2000000)}kB, anon-rss:${rng.range(400000, 600000)}kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:2048kB oom_score_adj:999`), unit: "kernel", facility: 0 };
};

const systemd: Gen = (rng, ms, sub, n) => {
  const x = rng.next();
  const msg = x < 0.6 ? `run-containerd-runc-k8s.io-${rng.hex(64)}-runc.${rng.chars(6, "ABCDEFGHIJKLMNOPabcdefghijklmnop")}.mount: Deactivated successfully.` : x < 0.85 ? "Started logrotate.service - Rotate log files." : "Finished sysstat-collect.service - system activity accounting tool.";
  return { ...base(ms, sub, n, "systemd", 1, 6, msg), unit: "init.scope" };
};

const sshd: Gen = (rng, ms, sub, n) => {
  const port = rng.range(32768, 60999);
  const pid = rng.range(3000, 90000);
  // Only the bastion (10.0.0.10) reaches nodes on port 22 in normal operation.
  const x = rng.next();
  const msg = x < 0.4 ? `Accepted publickey for ec2-user from 10.0.0.10 port ${port} ssh2: ED25519 SHA256:Xb3k9fQ2mVh1Zr8wLq0Tn5YcP7sDgE4uJ6aRiK2oNv8`
    : x < 0.7 ? "pam_unix(sshd:session): session opened for user ec2-user(uid=1000) by (uid=0)" : `Received disconnect from 10.0.0.10 port ${port}:11: disconnected by user`;
  return { ...base(ms, sub, n, "sshd", pid, 6, msg), facility: 10, actor: "ec2-user", sourceIp: x < 0.4 || x >= 0.7 ? "10.0.0.10" : undefined };
};

const sudo: Gen = (rng, ms, sub, n) => {
  const cmd = rng.pick(["/usr/bin/crictl ps", "/usr/bin/journalctl -u kubelet --since -1h", "/usr/bin/systemctl status containerd", "/usr/bin/crictl logs " + rng.hex(13)]);
  return { ...base(ms, sub, n, "sudo", rng.range(3000, 90000), 5, `ssm-user : TTY=pts/0 ; PWD=/usr/bin ; USER=root ; COMMAND=${cmd}`), unit: "session-" + rng.range(1, 40) + ".scope", facility: 10, actor: "ssm-user" };
};

const misc: Gen = (rng, ms, sub, n) => {
  const x = rng.next();
  if (x < 0.4) return base(ms, sub, n, "chronyd", 712, 6, rng.chance(0.5) ? "Selected source 169.254.169.123" : `System clock wrong by 0.000${rng.range(100, 999)} seconds`);
  if (x < 0.8) return { ...base(ms, sub, n, "amazon-ssm-agent", 1190, 6, `INFO [ssm-agent-worker] [MessageGatewayService] [MGSInteractor] listening reply.`), unit: "amazon-ssm-agent.service" };
  return { ...base(ms, sub, n, "CROND", rng.range(3000, 90000), 6, "(root) CMD (run-parts /etc/cron.hourly)"), unit: "crond.service", facility: 9 };
};

const pick = weighted<Gen>([[kubelet, 45], [containerd, 22], [kernel, 7], [systemd, 10], [sshd, 4], [sudo, 2], [misc, 10]]);

export function backgroundNode(rng: Rng, ms: number, sub: number, estate: Estate): NormalizedEvent {
  const n = estate.pickNode(rng);
  return journalEvent(pick(rng)(rng, ms, sub, n, estate));
}
