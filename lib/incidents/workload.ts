import type { Tx } from "@/lib/alerts/tx";

/**
 * A pod's workload from its name when the inventory does not know it:
 * Deployment pods are <name>-<replicaset hash>-<5 chars>, DaemonSet and Job
 * pods <name>-<5 chars>, StatefulSet pods <name>-<ordinal>. Kubernetes draws
 * those suffixes from an alphabet without vowels (and without 0, 1, 3), so
 * "kube-apiserver-control-plane" keeps its last word.
 */
const SAFE = "[bcdfghjklmnpqrstvwxz2456789]";
const PATTERNS = [new RegExp(`^(.+)-${SAFE}{6,10}-${SAFE}{5}$`), new RegExp(`^(.+)-\\d{8}-${SAFE}{5}$`), new RegExp(`^(.+)-${SAFE}{5}$`), /^(.+)-\d{1,5}$/];

export function workloadFromPodName(pod: string): string {
  for (const re of PATTERNS) {
    const m = pod.match(re);
    if (m) return m[1];
  }
  return pod;
}

/** The workload the inventory recorded for a pod, else the one its name implies. */
export async function workloadOf(tx: Pick<Tx, "pod">, cluster: string, namespace: string, pod: string): Promise<string> {
  const row = await tx.pod.findUnique({ where: { cluster_namespace_name: { cluster, namespace, name: pod } }, select: { workload: true } });
  return row?.workload || workloadFromPodName(pod);
}
