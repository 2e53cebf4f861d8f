import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { resolveAssignee } from "@/lib/alerts/assignees";
import type { Tx } from "@/lib/alerts/tx";
import { recordActivity } from "./activity";
import { incidentKey } from "./keys";
import { linkAlertsToIncident, type LinkResult } from "./link";
import type { IncidentCreate, IncidentPatch, IncidentStatus } from "./schemas";
import { workloadOf } from "./workload";

export type IncidentSummary = {
  id: number;
  key: string;
  title: string;
  severity: string;
  status: IncidentStatus;
  owner: { id: string; email: string; name: string | null } | null;
  summary: string;
  cluster: string | null;
  namespace: string | null;
  workload: string | null;
  alertCount: number;
  evidenceCount: number;
  createdAt: string;
  updatedAt: string;
};

const summaryInclude = {
  owner: { select: { id: true, email: true, name: true } },
  _count: { select: { alerts: true, evidence: true } },
} as const;

type SummaryRow = Prisma.IncidentGetPayload<{ include: typeof summaryInclude }>;

function toSummary(i: SummaryRow): IncidentSummary {
  return {
    id: i.id, key: incidentKey(i.id), title: i.title, severity: i.severity, status: i.status as IncidentStatus, owner: i.owner,
    summary: i.summary, cluster: i.cluster, namespace: i.namespace, workload: i.workload,
    alertCount: i._count.alerts, evidenceCount: i._count.evidence,
    createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString(),
  };
}

export async function listIncidents(db: Db, p: { status?: IncidentStatus }): Promise<IncidentSummary[]> {
  const rows = await db.prisma.incident.findMany({
    where: p.status ? { status: p.status } : {},
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 500,
    include: summaryInclude,
  });
  return rows.map(toSummary);
}

export async function getIncidentSummary(db: Db | Tx, id: number): Promise<IncidentSummary | null> {
  const client = "prisma" in db ? db.prisma : db;
  const row = await client.incident.findUnique({ where: { id }, include: summaryInclude });
  return row ? toSummary(row) : null;
}

/** The entity an incident is about, when all its alerts agree on it. */
async function inferEntity(tx: Tx, alertIds: number[]): Promise<{ cluster: string | null; namespace: string | null; workload: string | null }> {
  const alerts = await tx.alert.findMany({ where: { id: { in: alertIds } }, select: { cluster: true, namespace: true, pod: true } });
  const one = <T>(values: T[]): T | null => (values.length > 0 && values.every((v) => v === values[0]) ? values[0] : null);
  const cluster = one(alerts.map((a) => a.cluster));
  const namespace = cluster ? one(alerts.map((a) => a.namespace)) : null;
  let workload: string | null = null;
  if (cluster && namespace) {
    const workloads = await Promise.all(alerts.map((a) => (a.pod ? workloadOf(tx, cluster, namespace, a.pod) : Promise.resolve(null))));
    workload = one(workloads);
  }
  return { cluster, namespace, workload };
}

/** POST /api/v1/incidents: the creator owns it; alerts given are linked in the same transaction. */
export async function createIncident(db: Db, user: SessionUser, input: IncidentCreate): Promise<{ incident: IncidentSummary } & Pick<LinkResult, "skipped">> {
  return db.prisma.$transaction(async (tx) => {
    const alertIds = [...new Set(input.alertIds ?? [])];
    const inferred = alertIds.length ? await inferEntity(tx, alertIds) : { cluster: null, namespace: null, workload: null };
    const created = await tx.incident.create({
      data: {
        title: input.title, severity: input.severity, status: "open", ownerId: user.id, summary: input.summary ?? "",
        cluster: input.cluster ?? inferred.cluster, namespace: input.namespace ?? inferred.namespace, workload: input.workload ?? inferred.workload,
      },
    });
    await recordActivity(tx, created.id, user.id, "incident.create", { title: created.title, severity: created.severity });
    await appendAudit(tx, {
      userId: user.id, action: "incident.create", target: `incident:${created.id}`,
      details: { title: created.title, severity: created.severity, alertIds },
    });
    const link = alertIds.length ? await linkAlertsToIncident(tx, user, created.id, alertIds) : { added: [], skipped: [] };
    return { incident: (await getIncidentSummary(tx, created.id))!, skipped: link.skipped };
  }, { timeout: 30_000 });
}

/** PATCH /api/v1/incidents/:key: every field change is on the activity timeline and in the audit trail. */
export async function updateIncident(db: Db, user: SessionUser, id: number, patch: IncidentPatch): Promise<IncidentSummary> {
  return db.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM incidents WHERE id = ${id} FOR UPDATE`;
    if (rows.length === 0) throw new HttpError(404, "incident not found");
    const current = (await tx.incident.findUnique({ where: { id } }))!;
    const data: Prisma.IncidentUncheckedUpdateInput = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    const set = <K extends "title" | "severity" | "status" | "ownerId" | "summary">(field: K, value: string | null | undefined) => {
      if (value === undefined || value === current[field]) return;
      data[field] = value as never;
      // The summary can be long; the timeline says it changed, the incident holds the text.
      changes[field] = field === "summary" ? { from: `${current.summary.length} chars`, to: `${(value ?? "").length} chars` } : { from: current[field], to: value };
    };
    set("title", patch.title);
    set("severity", patch.severity);
    set("status", patch.status);
    set("summary", patch.summary);
    if (patch.ownerId !== undefined) set("ownerId", await resolveAssignee(tx, user, patch.ownerId));
    if (Object.keys(changes).length === 0) throw new HttpError(409, "nothing changed");
    await tx.incident.update({ where: { id }, data });
    await recordActivity(tx, id, user.id, "incident.update", { changes });
    await appendAudit(tx, { userId: user.id, action: "incident.update", target: `incident:${id}`, details: { changes } });
    return (await getIncidentSummary(tx, id))!;
  });
}

/** POST /api/v1/incidents/:key/alerts */
export async function addAlertsToIncident(db: Db, user: SessionUser, id: number, alertIds: number[]): Promise<LinkResult> {
  return db.prisma.$transaction((tx) => linkAlertsToIncident(tx, user, id, alertIds), { timeout: 30_000 });
}
