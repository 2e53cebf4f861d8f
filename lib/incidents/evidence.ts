import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { StoredEvent } from "@/lib/events/types";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { eventsByRefs, isoToUs } from "@/lib/alerts/event-refs";
import { timeRange, usToIso, whereFor } from "@/lib/search/events";
import { recordActivity } from "./activity";
import type { EvidenceInput } from "./schemas";

export type EvidenceDto = {
  id: string;
  kind: "event" | "search" | "note";
  eventId: string | null;
  /** microsecond-exact ISO time of the pinned event */
  eventTs: string | null;
  /** the pinned event while retention still keeps it */
  event: StoredEvent | null;
  query: string | null;
  /** absolute window of a pinned search */
  from: string | null;
  to: string | null;
  savedSearchId: number | null;
  body: string | null;
  addedBy: { id: string; email: string; name: string | null } | null;
  addedAt: string;
};

type Row = {
  id: number; kind: EvidenceDto["kind"]; event_id: string | null; event_us: string | null; query: string | null; from_ts: Date | null; to_ts: Date | null;
  saved_search_id: number | null; body: string | null; added_by: string | null; email: string | null; name: string | null; added_at: Date;
};

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function evidenceRows(db: Db, where: { incidentId: number; id?: number }): Promise<Row[]> {
  const { rows } = await db.pool.query<Row>(
    `SELECT ev.id, ev.kind, ev.event_id::text AS event_id, (extract(epoch from ev.event_ts) * 1000000)::bigint::text AS event_us,
            ev.query, ev.from_ts, ev.to_ts, ev.saved_search_id, ev.body, ev.added_by::text AS added_by, u.email, u.name, ev.added_at
     FROM incident_evidence ev LEFT JOIN users u ON u.id = ev.added_by
     WHERE ev.incident_id = $1 AND ($2::int IS NULL OR ev.id = $2)
     ORDER BY ev.added_at, ev.id`,
    [where.incidentId, where.id ?? null],
  );
  return rows;
}

/** Evidence with pinned events resolved to what is still stored (retention may have dropped them). */
export async function listEvidence(db: Db, incidentId: number, only?: number): Promise<EvidenceDto[]> {
  const rows = await evidenceRows(db, { incidentId, id: only });
  const refs = rows.filter((r) => r.event_id && r.event_us).map((r) => ({ id: r.event_id!, tsUs: r.event_us! }));
  const events = new Map((await eventsByRefs(db, refs)).map((e) => [e.id, e]));
  return rows.map((r) => ({
    id: String(r.id), kind: r.kind, eventId: r.event_id, eventTs: r.event_us ? usToIso(r.event_us) : null,
    event: r.event_id ? events.get(r.event_id) ?? null : null,
    query: r.query, from: r.from_ts?.toISOString() ?? null, to: r.to_ts?.toISOString() ?? null, savedSearchId: r.saved_search_id, body: r.body,
    addedBy: r.added_by ? { id: r.added_by, email: r.email ?? "(deleted user)", name: r.name } : null,
    addedAt: r.added_at.toISOString(),
  }));
}

async function assertIncident(db: Db, incidentId: number): Promise<void> {
  if (!(await db.prisma.incident.findUnique({ where: { id: incidentId }, select: { id: true } }))) throw new HttpError(404, "incident not found");
}

/**
 * POST /api/v1/incidents/:key/evidence. An event must still be stored and is
 * pinned by id + exact timestamp; a search is validated and its window made
 * absolute (now-1h becomes two instants), so the link shows the same thing
 * next week; a saved search is referenced but its query is copied.
 */
export async function addEvidence(db: Db, user: SessionUser, incidentId: number, input: EvidenceInput): Promise<EvidenceDto> {
  await assertIncident(db, incidentId);
  let data: Record<string, unknown>;
  let activity: Record<string, unknown>;
  if (input.kind === "event") {
    const us = isoToUs(input.eventTs);
    if (!us) throw new HttpError(400, "eventTs must be an ISO-8601 time with a zone");
    const [event] = await eventsByRefs(db, [{ id: input.eventId, tsUs: us }]);
    if (!event) throw new HttpError(400, "no stored event with that id and time");
    const { rows } = await db.pool.query(
      `SELECT 1 FROM incident_evidence WHERE incident_id = $1 AND event_id = $2::bigint AND event_ts = timestamptz 'epoch' + $3::bigint * interval '1 microsecond'`,
      [incidentId, input.eventId, us],
    );
    if (rows.length) throw new HttpError(409, "that event is already pinned to this incident");
    data = { eventId: BigInt(input.eventId), eventUs: us };
    activity = { kind: "event", eventId: input.eventId, eventTs: usToIso(us) };
  } else if (input.kind === "search") {
    whereFor(input.query); // 400 with position and hint when the query does not parse
    const { from, to } = timeRange(input.from, input.to);
    if (input.savedSearchId != null) {
      const { rows } = await db.pool.query(`SELECT 1 FROM saved_searches WHERE id = $1 AND (shared OR owner_id = $2::uuid)`, [input.savedSearchId, user.id]);
      if (!rows.length) throw new HttpError(400, "saved search not found");
    }
    data = { query: input.query, fromTs: from, toTs: to, savedSearchId: input.savedSearchId ?? null };
    activity = { kind: "search", query: input.query, from: from.toISOString(), to: to.toISOString(), savedSearchId: input.savedSearchId ?? null };
  } else {
    data = { body: input.body };
    activity = { kind: "note", sha256: sha256(input.body), length: input.body.length };
  }

  const id = await db.prisma.$transaction(async (tx) => {
    const { eventUs, ...fields } = data as { eventUs?: string };
    const created = await tx.incidentEvidence.create({ data: { incidentId, kind: input.kind, addedBy: user.id, ...fields } });
    // Prisma's Date has milliseconds; the event's timestamp is set exactly (the unique index then refuses a concurrent double pin).
    if (eventUs) {
      await tx.$executeRaw`UPDATE incident_evidence SET event_ts = timestamptz 'epoch' + ${eventUs}::bigint * interval '1 microsecond' WHERE id = ${created.id}`
        .catch((err: { code?: string; cause?: { code?: string } }) => {
          if ((err.code ?? err.cause?.code) === "23505" || /unique/i.test(String(err))) throw new HttpError(409, "that event is already pinned to this incident");
          throw err;
        });
    }
    await recordActivity(tx, incidentId, user.id, "evidence.add", { evidenceId: created.id, ...activity });
    await appendAudit(tx, { userId: user.id, action: "incident.evidence.add", target: `incident:${incidentId}`, details: { evidenceId: created.id, ...activity } });
    return created.id;
  });
  return (await listEvidence(db, incidentId, id))[0];
}

/** DELETE /api/v1/incidents/:key/evidence/:id: the timeline keeps what was removed. */
export async function removeEvidence(db: Db, user: SessionUser, incidentId: number, evidenceId: number): Promise<void> {
  await db.prisma.$transaction(async (tx) => {
    const ev = await tx.incidentEvidence.findFirst({ where: { id: evidenceId, incidentId } });
    if (!ev) throw new HttpError(404, "evidence not found");
    await tx.incidentEvidence.delete({ where: { id: evidenceId } });
    const snapshot = {
      evidenceId, kind: ev.kind, eventId: ev.eventId?.toString() ?? null, query: ev.query,
      from: ev.fromTs?.toISOString() ?? null, to: ev.toTs?.toISOString() ?? null, bodySha256: ev.body ? sha256(ev.body) : null,
    };
    await recordActivity(tx, incidentId, user.id, "evidence.remove", snapshot);
    await appendAudit(tx, { userId: user.id, action: "incident.evidence.remove", target: `incident:${incidentId}`, details: snapshot });
  });
}
