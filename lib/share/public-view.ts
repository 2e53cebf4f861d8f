import type { Db } from "@/lib/db";
import type { StoredEvent } from "@/lib/events/types";
import { appendAudit } from "@/lib/audit/trail";
import { sha256Hex } from "@/lib/auth/secrets";
import { recordActivity } from "@/lib/incidents/activity";
import { getIncidentDetail } from "@/lib/incidents/detail";
import { SHARE_TOKEN_PATTERN } from "./links";

/** Headers every share response carries, the 404s included. */
export const SHARE_HEADERS: Record<string, string> = {
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "x-robots-tag": "noindex, nofollow",
};

/** People appear by display name only: no e-mail addresses or ids leave through a share link. */
type Person = string | null;

export type SharedIncidentView = {
  incident: {
    key: string; title: string; severity: string; status: string; summary: string; owner: Person;
    cluster: string | null; namespace: string | null; workload: string | null; createdAt: string; updatedAt: string;
  };
  alerts: {
    id: number; title: string; ruleName: string; severity: string; status: string; resolutionReason: string | null;
    cluster: string; namespace: string | null; pod: string | null; actor: string | null; firstSeen: string; lastSeen: string; count: number;
  }[];
  evidence: {
    id: string; kind: string; eventId: string | null; eventTs: string | null; event: StoredEvent | null; query: string | null;
    from: string | null; to: string | null; body: string | null; addedBy: Person; addedAt: string;
  }[];
  activity: { at: string; user: Person; action: string; details: Record<string, unknown> }[];
  notes: { id: string; alertId: number | null; author: Person; body: string; createdAt: string }[];
  share: { expiresAt: string };
};

/** Owner changes carry user ids; outside the app they only say that the owner changed. */
function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  const changes = details.changes as Record<string, unknown> | undefined;
  if (!changes?.ownerId) return details;
  const { ownerId: _owner, ...rest } = changes;
  return { ...details, changes: { ...rest, owner: "changed" } };
}

const display = (u: { name?: string | null } | null | undefined): Person => (u ? u.name?.trim() || "Analyst" : null);

/**
 * GET /api/v1/share/:token. Null for a malformed, unknown, expired or revoked
 * token (the caller answers 404 to all alike). A valid open is counted and
 * written to the audit trail and the incident's timeline before the data is
 * returned; the check and the count are one UPDATE, so a link revoked a
 * moment earlier cannot be opened.
 */
export async function openSharedIncident(db: Db, token: string, meta: { ip: string; userAgent: string | null }): Promise<SharedIncidentView | null> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return null;
  const opened = await db.prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; incident_id: number; expires_at: Date }[]>`
      UPDATE share_links SET open_count = open_count + 1, last_opened_at = now()
      WHERE token_hash = ${sha256Hex(token)} AND revoked_at IS NULL AND expires_at > now()
      RETURNING id::text, incident_id, expires_at`;
    const link = rows[0];
    if (!link) return null;
    const details = { shareId: link.id };
    await recordActivity(tx, link.incident_id, null, "share.open", details, { touch: false });
    await appendAudit(tx, {
      userId: null, action: "share.open", target: `incident:${link.incident_id}`,
      details: { ...details, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 200) ?? null },
    });
    return link;
  });
  if (!opened) return null;
  const d = await getIncidentDetail(db, opened.incident_id);
  if (!d) return null;

  const authorIds = [...new Set(d.notes.map((n) => n.author?.id).filter((x): x is string => !!x))];
  const names = new Map(
    (authorIds.length ? await db.prisma.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u]),
  );
  const i = d.incident;
  return {
    incident: {
      key: i.key, title: i.title, severity: i.severity, status: i.status, summary: i.summary, owner: display(i.owner),
      cluster: i.cluster, namespace: i.namespace, workload: i.workload, createdAt: i.createdAt, updatedAt: i.updatedAt,
    },
    alerts: d.alerts.map((a) => ({
      id: a.id, title: a.title, ruleName: a.ruleName, severity: a.severity, status: a.status, resolutionReason: a.resolutionReason,
      cluster: a.cluster, namespace: a.namespace, pod: a.pod, actor: a.actor, firstSeen: a.firstSeen, lastSeen: a.lastSeen, count: a.count,
    })),
    evidence: d.evidence.map((e) => ({
      id: e.id, kind: e.kind, eventId: e.eventId, eventTs: e.eventTs, event: e.event, query: e.query, from: e.from, to: e.to, body: e.body,
      addedBy: display(e.addedBy), addedAt: e.addedAt,
    })),
    activity: d.activity.map((a) => ({ at: a.at, user: display(a.user), action: a.action, details: publicDetails(a.details) })),
    notes: d.notes.map((n) => ({ id: n.id, alertId: n.alertId, author: n.author ? display(names.get(n.author.id)) : null, body: n.body, createdAt: n.createdAt })),
    share: { expiresAt: opened.expires_at.toISOString() },
  };
}
