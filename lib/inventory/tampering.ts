import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recentEvents } from "./sql";
import type { TamperingSignal } from "./types";

/**
 * Logging agents by the names their charts give DaemonSets and ConfigMaps
 * (Fluent Bit, Fluentd, Vector, Falco, the OpenTelemetry Collector, Datadog,
 * Promtail, Filebeat/Auditbeat, Logstash, Splunk Connect).
 */
export const LOGGING_AGENT_PATTERN = "(fluent-?bit|fluentd|vector|falco|otel|opentelemetry|datadog|promtail|filebeat|auditbeat|logstash|splunk)";
/** Leader-election ConfigMaps of those agents change every few seconds by design. */
const ROUTINE_CONFIGMAP = "(leader|election|lock)";

/**
 * Signals that the logging pipeline is being tampered with, from the audit
 * log: Events deleted (core or events.k8s.io), and changes to the DaemonSets
 * or ConfigMaps of logging agents (scaled away by a nodeSelector, deleted,
 * reconfigured). The apiserver's audit policy is a file, not an API object;
 * its effect shows as the audit layer going silent on the coverage view.
 * Denied attempts are included: trying is a signal too.
 */
export async function tamperingSignals(db: Db, cluster: string, from: Date, to: Date, limit = 50): Promise<TamperingSignal[]> {
  // Constant resources and verbs are written literally so the planner can use events_audit_sensitive_idx.
  const events = await recentEvents(db, Prisma.sql`e.cluster = ${cluster} AND e.layer = 'audit' AND (
      (e.resource = 'events' AND e.verb IN ('delete', 'deletecollection'))
      OR (e.resource = 'daemonsets' AND e.verb IN ('update', 'patch', 'delete', 'deletecollection')
          AND (e.subresource IS NULL OR e.subresource <> 'status')
          AND (e.object_name ~* ${LOGGING_AGENT_PATTERN} OR e.namespace ~* ${LOGGING_AGENT_PATTERN}))
      OR (e.resource = 'configmaps' AND e.verb IN ('create', 'update', 'patch', 'delete', 'deletecollection')
          AND coalesce(e.object_name, '') !~* ${ROUTINE_CONFIGMAP}
          AND (e.object_name ~* ${LOGGING_AGENT_PATTERN} OR e.namespace ~* ${LOGGING_AGENT_PATTERN})))`, from, to, limit);
  return events.map((event) => ({
    kind: event.resource === "events" ? "events-deleted" : event.resource === "daemonsets" ? "agent-workload-changed" : "agent-config-changed",
    event,
  }));
}
