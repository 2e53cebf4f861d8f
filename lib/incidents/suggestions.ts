import type { Db } from "@/lib/db";
import { workloadFromPodName } from "./workload";

export type IncidentSuggestion = {
  cluster: string;
  namespace: string;
  workload: string | null;
  alertIds: number[];
  firstSeen: string;
  lastSeen: string;
  title: string;
  /** the highest severity among the alerts, to pre-fill the new incident */
  severity: string;
  ruleNames: string[];
};

export const SUGGESTION_WINDOW_MS = 2 * 60 * 60_000;
const RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };

type Row = { id: number; cluster: string; namespace: string; pod: string | null; workload: string | null; first_seen: Date; last_seen: Date; severity: string; rule_name: string };

/**
 * GET /api/v1/incidents/suggestions: open alerts not yet in an incident that
 * hit the same cluster, namespace and workload (the inventory's, else the one
 * the pod name implies) within 2 hours of each other. Alerts are chained: one
 * that starts within 2 h of the group's last sighting joins it.
 */
export async function suggestIncidents(db: Db): Promise<IncidentSuggestion[]> {
  const { rows } = await db.pool.query<Row>(
    `SELECT a.id, a.cluster, a.namespace, a.pod, p.workload, a.first_seen, a.last_seen, a.severity, r.name AS rule_name
     FROM alerts a
     JOIN rules r ON r.id = a.rule_id
     LEFT JOIN pods p ON p.cluster = a.cluster AND p.namespace = a.namespace AND p.name = a.pod
     WHERE a.status = 'open' AND a.incident_id IS NULL AND a.namespace IS NOT NULL
     ORDER BY a.first_seen, a.id
     LIMIT 5000`,
  );
  const open = new Map<string, IncidentSuggestion>();
  const lastMs = new Map<IncidentSuggestion, number>();
  const done: IncidentSuggestion[] = [];
  for (const r of rows) {
    const workload = r.workload || (r.pod ? workloadFromPodName(r.pod) : null);
    const key = JSON.stringify([r.cluster, r.namespace, workload]);
    let g = open.get(key);
    if (g && r.first_seen.getTime() - lastMs.get(g)! > SUGGESTION_WINDOW_MS) {
      done.push(g);
      g = undefined;
    }
    if (!g) {
      g = {
        cluster: r.cluster, namespace: r.namespace, workload, alertIds: [], firstSeen: r.first_seen.toISOString(), lastSeen: r.last_seen.toISOString(),
        title: "", severity: r.severity, ruleNames: [],
      };
      open.set(key, g);
      lastMs.set(g, r.last_seen.getTime());
    }
    g.alertIds.push(r.id);
    if (r.last_seen.getTime() > lastMs.get(g)!) {
      lastMs.set(g, r.last_seen.getTime());
      g.lastSeen = r.last_seen.toISOString();
    }
    if ((RANK[r.severity] ?? 0) > (RANK[g.severity] ?? 0)) g.severity = r.severity;
    if (!g.ruleNames.includes(r.rule_name)) g.ruleNames.push(r.rule_name);
  }
  done.push(...open.values());
  return done
    .filter((g) => g.alertIds.length >= 2)
    .map((g) => ({ ...g, title: `${g.alertIds.length} alerts on ${g.workload ? `${g.namespace}/${g.workload}` : g.namespace} in ${g.cluster}` }))
    .sort((a, b) => (a.lastSeen < b.lastSeen ? 1 : -1));
}
