/**
 * Small helpers the attack stories are written with: a clock that walks
 * forward from the story's start, and one call per kind of record, so each
 * story reads as the sequence of things that happened.
 */
import type { NormalizedEvent, Severity } from "@/lib/events/types";
import { auditEvent, type AuditReq } from "./audit";
import { falcoEvent, type FalcoSpec } from "./falco";
import { containerEvent, kubeEvent, type KubeEventSpec } from "./layers";
import { journalEvent, type JournalSpec } from "./node";
import type { Rng } from "./rng";
import type { Container, Estate } from "./topology";

export type Actor = { user: string; groups: readonly string[]; ip: string; agent: string; why?: string };

export class Story {
  readonly events: NormalizedEvent[] = [];
  /** current time of the story, ms */
  t: number;
  constructor(
    readonly rng: Rng,
    readonly estate: Estate,
    start: number,
    private readonly lo: number,
    private readonly hi: number,
  ) {
    this.t = start;
  }
  /** advance the clock by `sec` seconds (plus a little jitter, as humans and scripts have) */
  wait(sec: number): this {
    this.t += Math.round(sec * 1000 * (0.85 + this.rng.next() * 0.3));
    return this;
  }
  /** the story's clock, kept inside the generated window whatever its size */
  now(offsetMs = 0): number {
    return Math.min(this.hi, Math.max(this.lo, this.t + offsetMs));
  }
  private sub(): number {
    return this.rng.int(1000);
  }
  audit(cluster: string, who: Actor, r: Omit<AuditReq, "ms" | "sub" | "cluster" | "user" | "groups" | "ip" | "agent">, offsetMs = 0): this {
    this.events.push(auditEvent({ why: who.why, ...r, ms: this.now(offsetMs), sub: this.sub(), cluster, user: who.user, groups: who.groups, ip: who.ip, agent: who.agent }, this.rng.uuid()));
    return this;
  }
  falco(s: Omit<FalcoSpec, "ms" | "sub" | "node"> & { node?: FalcoSpec["node"] }): this {
    const node = s.node ?? s.ct?.pod.node;
    if (!node) throw new Error("falco event needs a node or a container");
    this.events.push(falcoEvent({ ...s, node, ms: this.now(), sub: this.sub() }));
    return this;
  }
  log(ct: Container, line: string, severity: Severity = "info", stream: "stdout" | "stderr" = "stdout"): this {
    this.events.push(containerEvent(ct, this.now(), this.sub(), { line, severity, stream }));
    return this;
  }
  kube(s: Omit<KubeEventSpec, "ms">): this {
    this.events.push(kubeEvent(this.rng, { ...s, ms: this.now() }));
    return this;
  }
  journal(s: Omit<JournalSpec, "ms" | "sub">): this {
    this.events.push(journalEvent({ ...s, ms: this.now(), sub: this.sub() }));
    return this;
  }
}

/** The Falco "Terminal shell in container" alert a `kubectl exec -it … -- sh` raises. */
export function terminalShell(s: Story, ct: Container, shell = "sh"): Story {
  return s.falco({
    ct, rule: "Terminal shell in container", priority: "Notice",
    tags: ["maturity_stable", "container", "shell", "mitre_execution", "T1059"],
    text: "A shell was spawned in a container with an attached terminal",
    detail: "evt_type=execve user_loginuid=-1 terminal=34816 exe_flags=EXE_WRITABLE",
    proc: { name: shell, cmdline: shell, exepath: shell === "bash" ? "/bin/bash" : "/bin/busybox", pname: "runc" },
    extra: { "proc.tty": 34816, "evt.type": "execve" },
  });
}

/** kubectl exec's request: the query string carries the command and the container. */
export function execQuery(ct: Container, command: string[] = ["sh"]): string {
  return command.map((c) => `command=${encodeURIComponent(c)}`).join("&") + `&container=${ct.name}&stdin=true&stdout=true&tty=true`;
}
