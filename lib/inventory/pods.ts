import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Layer, StoredEvent } from "@/lib/events/types";
import { HttpError } from "@/lib/http/errors";
import { decodeCursor, encodeCursor, timeRange, toStoredEvent } from "@/lib/search/events";
import { alertsFor } from "./alerts";
import type { PodTimelineParams, RangeParams } from "./params";
import { EVENT_COLUMNS, recentEvents, run, type EventRowOf } from "./sql";
import type { ExecSession, LifecycleStep, PodDetail, TimelinePage } from "./types";

type PodKey = { cluster: string; namespace: string; pod: string };

/**
 * The pod's rows without its container logs: the partial index
 * events_pod_context_idx has exactly this predicate.
 */
const context = (k: PodKey) =>
  Prisma.sql`e.namespace = ${k.namespace} AND e.pod = ${k.pod} AND e.cluster = ${k.cluster} AND e.layer <> 'container' AND e.pod IS NOT NULL`;

type StepRow = { source: "k8s-event" | "audit"; step: string; container: string | null; first: Date; last: Date; n: string; actor: string | null; message: string; warning: boolean };

/**
 * Lifecycle in the range: each Kubernetes Event reason (Scheduled, Pulled,
 * Created, Started, Killing, BackOff …) per container, and the API actions
 * that made and ended the pod (create, binding to a node, eviction, delete),
 * with who did them — aggregated in SQL, first and last occurrence.
 */
async function lifecycle(db: Db, k: PodKey, from: Date, to: Date): Promise<LifecycleStep[]> {
  const rows = await run<StepRow>(db, Prisma.sql`
    SELECT source, step, container, min(ts) AS first, max(ts) AS last, count(*) AS n,
           (array_agg(actor ORDER BY ts DESC))[1] AS actor, (array_agg(message ORDER BY ts DESC))[1] AS message,
           bool_or(severity IN ('warning', 'error', 'critical', 'alert', 'emergency')) AS warning
    FROM (
      SELECT CASE WHEN e.layer = 'k8s-event' THEN 'k8s-event' ELSE 'audit' END AS source,
             CASE WHEN e.layer = 'k8s-event' THEN coalesce(e.attributes->>'reason', split_part(e.message, ':', 1))
                  ELSE e.verb || coalesce(' ' || e.subresource, '') END AS step,
             e.container, e.ts, e.actor, e.message, e.severity
      FROM events e
      WHERE e.ts >= ${from} AND e.ts <= ${to} AND ${context(k)}
        AND (e.layer = 'k8s-event' OR (e.layer = 'audit' AND e.resource = 'pods' AND coalesce(e.code, 0) < 400
             AND ((e.verb IN ('create', 'delete') AND e.subresource IS NULL) OR e.subresource IN ('binding', 'eviction'))))
    ) s
    GROUP BY source, step, container ORDER BY min(ts), step LIMIT 200`);
  return rows.map((r) => ({
    source: r.source, step: r.step, container: r.container, first: r.first.toISOString(), last: r.last.toISOString(),
    count: Number(r.n), actor: r.actor, message: r.message, warning: r.warning,
  }));
}

/** The command of an exec (`?command=sh&command=-c&command=id`), as one line. */
export function execCommand(requestURI: unknown): string | null {
  if (typeof requestURI !== "string") return null;
  const q = requestURI.indexOf("?");
  if (q < 0) return null;
  try {
    const parts = new URLSearchParams(requestURI.slice(q + 1)).getAll("command");
    return parts.length ? parts.map((p) => (/[\s"'\\]/.test(p) ? JSON.stringify(p) : p)).join(" ") : null;
  } catch {
    return null;
  }
}

function toExec(e: StoredEvent): ExecSession {
  const a = e.attributes;
  return {
    id: e.id, ts: e.ts, actor: e.actor, actorType: e.actorType, impersonated: e.impersonated, subresource: e.subresource ?? "",
    container: e.container, command: execCommand(a.requestURI), code: e.code, sourceIp: e.sourceIp,
    userAgent: typeof a.userAgent === "string" ? a.userAgent : null,
  };
}

export async function requirePod(db: Db, k: PodKey) {
  const pod = await db.prisma.pod.findUnique({ where: { cluster_namespace_name: { cluster: k.cluster, namespace: k.namespace, name: k.pod } } });
  if (!pod) throw new HttpError(404, "pod not found");
  return pod;
}

/** A pod's page: containers and images, owner, node, lifecycle, who exec'd/attached, alerts. */
export async function getPodDetail(db: Db, k: PodKey, p: RangeParams, now = Date.now()): Promise<PodDetail> {
  const { from, to } = timeRange(p.from, p.to, now);
  const pod = await requirePod(db, k);
  const [containers, steps, execs, alerts] = await Promise.all([
    db.prisma.container.findMany({ where: { cluster: k.cluster, namespace: k.namespace, pod: k.pod }, orderBy: { name: "asc" } }),
    lifecycle(db, k, from, to),
    // Any verb: exec over WebSockets is audited as "get"; ephemeral containers are patched in.
    recentEvents(db, Prisma.sql`${context(k)} AND e.layer = 'audit' AND e.resource = 'pods'
      AND e.subresource IN ('exec', 'attach', 'portforward', 'ephemeralcontainers')`, from, to, 100),
    alertsFor(db, { cluster: k.cluster, namespace: k.namespace, pod: k.pod }, from),
  ]);
  return {
    range: { from: from.toISOString(), to: to.toISOString() },
    pod: {
      cluster: k.cluster, namespace: pod.namespace, name: pod.name, node: pod.node, workload: pod.workload,
      firstSeen: pod.firstSeen.toISOString(), lastSeen: pod.lastSeen.toISOString(), containers: containers.length,
    },
    containers: containers.map((c) => ({ name: c.name, image: c.image, containerId: c.containerId, firstSeen: c.firstSeen.toISOString(), lastSeen: c.lastSeen.toISOString() })),
    lifecycle: steps,
    execs: execs.map(toExec),
    alerts,
  };
}

/**
 * The pod's cross-layer timeline, newest first, keyset-paginated: audit
 * events about it, Kubernetes Events, container logs and runtime alerts
 * interleaved by time. Without the container layer it reads the pod's context
 * index only, so a chatty pod's logs cost nothing.
 */
export async function podTimeline(db: Db, k: PodKey, p: PodTimelineParams, now = Date.now()): Promise<TimelinePage> {
  const { from, to } = timeRange(p.from, p.to, now);
  await requirePod(db, k);
  const layers: Layer[] = p.layers;
  const withLogs = layers.length === 0 || layers.includes("container");
  const scope = withLogs
    ? Prisma.sql`e.namespace = ${k.namespace} AND e.pod = ${k.pod} AND e.cluster = ${k.cluster}`
    : context(k);
  const c = p.cursor ? decodeCursor(p.cursor) : null;
  const rows = await run<EventRowOf>(db, Prisma.sql`
    SELECT ${EVENT_COLUMNS} FROM events e
    WHERE e.ts >= ${from} AND e.ts <= ${to} AND ${scope}
      ${layers.length ? Prisma.sql`AND e.layer = ANY(${layers}::text[])` : Prisma.empty}
      ${p.container ? Prisma.sql`AND e.container = ${p.container}` : Prisma.empty}
      ${c ? Prisma.sql`AND (e.ts, e.id) < (to_timestamp(${c.tsUs}::bigint / 1000000.0), ${c.id}::bigint)` : Prisma.empty}
    ORDER BY e.ts DESC, e.id DESC LIMIT ${p.limit + 1}`);
  const page = rows.slice(0, p.limit);
  const last = page[page.length - 1];
  return {
    events: page.map(toStoredEvent),
    nextCursor: rows.length > p.limit && last ? encodeCursor({ tsUs: String(last.ts_us), id: String(last.id) }) : null,
  };
}
