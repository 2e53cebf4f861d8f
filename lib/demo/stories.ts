/**
 * The attack stories hidden in the demo noise. Each is a coherent sequence
 * across layers (audit → runtime → container → node) so an analyst can pivot
 * from one alert to the rest of what happened, and each includes a
 * `create pods/exec` or `pods/attach` so the built-in exec rule fires.
 * Attacker addresses are in 203.0.113.0/24 (TEST-NET-3), never a real party.
 */
import type { NormalizedEvent } from "@/lib/events/types";
import { ANON_GROUPS, SA_GROUPS, WHY } from "./audit";
import { redisTime, Rng } from "./rng";
import { escalationStory, nodeBreakInStory, privilegedPodStory } from "./stories-host";
import { execQuery, Story, terminalShell, type Actor } from "./story-kit";
import { clusterOf, personOf, workloadOf, type Estate } from "./topology";

/** (a) A payments-api service-account token, stolen, used from outside to reach into a payments pod and read secrets. */
function stolenTokenStory(s: Story): void {
  const cl = clusterOf(s.estate, "prod-eu-1");
  const pod = workloadOf(cl, "payments-api").pods[0];
  const ct = pod.containers[0];
  const thief: Actor = {
    user: "system:serviceaccount:payments:payments-api", groups: SA_GROUPS("payments"), ip: "203.0.113.77",
    agent: "kubectl/v1.30.2 (linux/amd64) kubernetes/3968350", why: WHY.app.replaceAll("APP", "payments-api").replaceAll("NAMESPACE", "payments"),
  };
  const c = cl.name;
  // Reconnaissance: what can this token do?
  s.audit(c, thief, { verb: "create", resource: "selfsubjectrulesreviews", group: "authorization.k8s.io" }).wait(4);
  s.audit(c, thief, { verb: "list", resource: "secrets", query: "limit=500", code: 403 }).wait(2);
  s.audit(c, thief, { verb: "list", resource: "secrets", ns: "kube-system", query: "limit=500", code: 403 }).wait(3);
  s.audit(c, thief, { verb: "list", resource: "secrets", ns: "default", query: "limit=500", code: 403 }).wait(5);
  s.audit(c, thief, { verb: "list", resource: "secrets", ns: "payments", query: "limit=500" }).wait(6);
  s.audit(c, thief, { verb: "list", resource: "pods", ns: "payments", query: "limit=500" }).wait(9);
  s.audit(c, thief, { verb: "get", resource: "pods", ns: "payments", name: pod.name }).wait(3);
  // The session: ResponseComplete is logged when the shell exits, so its audit record is stamped at the end.
  const session = 140_000;
  s.audit(c, thief, { verb: "create", resource: "pods", ns: "payments", name: pod.name, subresource: "exec", query: execQuery(ct), code: 101, latencyMs: session }, session);
  s.wait(0.5);
  terminalShell(s, ct);
  s.wait(1).log(ct, "sh: can't access tty; job control turned off", "warning", "stderr");
  s.wait(6).log(ct, "uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel)");
  s.wait(9).falco({
    ct, rule: "Read sensitive file untrusted", priority: "Warning", tags: ["maturity_stable", "host", "container", "filesystem", "mitre_credential_access", "T1555"],
    text: "Sensitive file opened for reading by non-trusted program", detail: "file=/etc/shadow gparent=runc ggparent=containerd-shim evt_type=openat",
    proc: { name: "cat", cmdline: "cat /etc/shadow", exepath: "/bin/busybox", pname: "sh" }, extra: { "fd.name": "/etc/shadow" },
  });
  s.wait(12).log(ct, "env | grep -i -E 'key|secret|token|pass'", "info", "stderr");
  s.wait(20).falco({
    ct, rule: "Contact K8S API Server From Container", priority: "Notice", tags: ["maturity_stable", "container", "k8s", "network", "mitre_discovery", "T1565"],
    text: "Unexpected connection to K8s API Server from container", detail: `connection=${pod.ip}:48812->172.20.0.1:443 lport=443 rport=48812 fd_type=ipv4 fd_proto=tcp evt_type=connect`,
    proc: { name: "wget", cmdline: "wget -qO- --header=Authorization: Bearer <redacted> https://kubernetes.default.svc/api/v1/namespaces/payments/secrets", exepath: "/bin/busybox", pname: "sh" },
  });
  s.wait(15).log(ct, "wget: can't connect to remote host (169.254.169.254): Connection refused", "error", "stderr");
  s.wait(session / 1000 - 60);
  // With the shell closed, the thief reads the payment secrets directly.
  s.wait(30).audit(c, thief, { verb: "get", resource: "secrets", ns: "payments", name: "payments-db-credentials" });
  s.wait(4).audit(c, thief, { verb: "get", resource: "secrets", ns: "payments", name: "stripe-api-key" });
  s.wait(8).audit(c, thief, { verb: "create", resource: "pods", ns: "kube-system", code: 403 });
  s.wait(3).audit(c, thief, { verb: "get", resource: "secrets", ns: "kube-system", name: "aws-load-balancer-tls", code: 403 });
  // Persistence: a year-long token for the namespace's deployer account (TokenRequest), then used from the same address.
  const deployer = "payments-deployer";
  s.wait(21).audit(c, thief, { verb: "list", resource: "serviceaccounts", ns: "payments" });
  s.wait(7).audit(c, thief, {
    verb: "create", resource: "serviceaccounts", ns: "payments", name: deployer, subresource: "token",
    requestObject: { kind: "TokenRequest", apiVersion: "authentication.k8s.io/v1", spec: { audiences: ["https://kubernetes.default.svc"], expirationSeconds: 31_536_000 } },
    responseObject: { kind: "TokenRequest", apiVersion: "authentication.k8s.io/v1", status: { expirationTimestamp: new Date(s.now() + 31_536_000_000).toISOString().replace(/\.\d+Z$/, "Z") } },
  });
  const minted: Actor = { ...thief, user: `system:serviceaccount:payments:${deployer}`, why: WHY.app.replaceAll("APP", deployer).replaceAll("NAMESPACE", "payments") };
  s.wait(95).audit(c, minted, { verb: "get", resource: "deployments", group: "apps", ns: "payments", name: "payments-api" });
  s.wait(6).audit(c, minted, { verb: "patch", resource: "deployments", group: "apps", ns: "payments", name: "payments-api" });
}

/** (b) An anonymous scan from one address: 401s with a forged token, 403s as system:anonymous, exec attempts included. */
function anonymousBurstStory(s: Story): void {
  const cl = clusterOf(s.estate, "prod-us-1");
  const anon: Actor = { user: "system:anonymous", groups: ANON_GROUPS, ip: "203.0.113.199", agent: "python-requests/2.31.0" };
  const forged: Actor = { user: "", groups: [], ip: anon.ip, agent: "Go-http-client/1.1" };
  const proxy = workloadOf(cl, "kube-proxy").pods[0];
  s.audit(cl.name, { ...anon, why: WHY.discovery }, { verb: "get", path: "/version" }).wait(1);
  const probes: [string, string | undefined, string | undefined][] = [
    ["secrets", undefined, undefined], ["pods", undefined, undefined], ["secrets", "kube-system", undefined], ["configmaps", "kube-system", "aws-auth"],
    ["serviceaccounts", "kube-system", undefined], ["nodes", undefined, undefined], ["clusterrolebindings", undefined, undefined], ["secrets", "default", undefined],
  ];
  for (let i = 0; i < 60; i++) {
    s.wait(1.5);
    if (i % 5 === 2) {
      s.audit(cl.name, forged, { verb: "list", resource: "secrets", ns: "kube-system", code: 401 });
      continue;
    }
    if (i % 12 === 7) {
      s.audit(cl.name, anon, { verb: "create", resource: "pods", ns: "kube-system", name: proxy.name, subresource: "exec", query: execQuery(proxy.containers[0], ["sh", "-c", "id"]), code: 403, latencyMs: 3 });
      continue;
    }
    const [resource, ns, name] = probes[i % probes.length];
    const group = resource === "clusterrolebindings" ? "rbac.authorization.k8s.io" : undefined;
    if (i % 9 === 4) s.audit(cl.name, anon, { verb: "get", path: s.rng.pick(["/api", "/apis", "/openapi/v2", "/metrics", "/debug/pprof/"]), code: 403 });
    else if (i % 4 === 3) s.audit(cl.name, forged, { verb: name ? "get" : "list", resource, group, ns, name, code: 401 });
    else s.audit(cl.name, anon, { verb: name ? "get" : "list", resource, group, ns, name, code: 403 });
  }
}

/** (f) Benign, for contrast: an SRE debugging staging Redis in a shell — same alerts, expected actor. */
function sreDebugStory(s: Story): void {
  const cl = clusterOf(s.estate, "staging");
  const pod = workloadOf(cl, "redis").pods[0];
  const ct = pod.containers[0];
  const carol = personOf("carol");
  const who: Actor = { user: carol.username, groups: carol.groups, ip: carol.ip, agent: carol.agent, why: WHY.admin };
  s.audit(cl.name, who, { verb: "get", resource: "pods", ns: "checkout", name: pod.name }).wait(2);
  s.audit(cl.name, who, { verb: "create", resource: "pods", ns: "checkout", name: pod.name, subresource: "exec", query: execQuery(ct, ["bash"]), code: 101, latencyMs: 95_000 }, 95_000);
  s.wait(0.6);
  terminalShell(s, ct, "bash");
  s.wait(20).log(ct, `1:M ${redisTime(new Date(s.t))} * DB saved on disk`);
}

type StoryFn = (s: Story) => void;
/** Each story and how far back in the window (fraction of it) it starts. */
const STORIES: [StoryFn, number][] = [
  [stolenTokenStory, 0.11], [anonymousBurstStory, 0.34], [escalationStory, 0.07], [privilegedPodStory, 0.56], [nodeBreakInStory, 0.79], [sreDebugStory, 0.22],
];

/** All story events, oldest first, placed relative to `now` inside [start, now]. */
export function buildStories(estate: Estate, seed: number, start: number, now: number): NormalizedEvent[] {
  const all: NormalizedEvent[] = [];
  STORIES.forEach(([fn, back], i) => {
    const rng = new Rng(seed * 31 + i * 7919 + 17);
    // A minute of jitter, so stories do not start on a round millisecond.
    const story = new Story(rng, estate, Math.floor(now - (now - start) * back + rng.next() * 60_000), start, now - 1);
    fn(story);
    all.push(...story.events);
  });
  return all.sort((a, b) => a.ts.getTime() - b.ts.getTime());
}
