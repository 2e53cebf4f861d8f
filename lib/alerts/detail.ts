import type { Db } from "@/lib/db";
import { incidentKey } from "@/lib/incidents/keys";
import type { AlertNoteDto, UserRef } from "./schemas";

/** The cross-layer context window around an alert: 15 minutes either side of what it saw. */
export const CONTEXT_MARGIN_MS = 15 * 60_000;

export function contextWindow(firstSeen: Date, lastSeen: Date): { from: string; to: string } {
  return { from: new Date(firstSeen.getTime() - CONTEXT_MARGIN_MS).toISOString(), to: new Date(lastSeen.getTime() + CONTEXT_MARGIN_MS).toISOString() };
}

export async function listAlertNotes(db: Db, alertId: number): Promise<AlertNoteDto[]> {
  const notes = await db.prisma.note.findMany({
    where: { alertId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { author: { select: { id: true, email: true } } },
  });
  return notes.map((n) => ({ id: n.id.toString(), author: n.author, body: n.body, createdAt: n.createdAt.toISOString() }));
}

/** What the triage alert page adds to the original detail: notes, the incident, the context window, assignee names. */
export async function alertDetailExtras(
  db: Db,
  a: { id: number; incidentId: number | null; firstSeen: Date; lastSeen: Date },
  history: { assigneeId: string | null }[],
) {
  const assigneeIds = [...new Set(history.map((h) => h.assigneeId).filter((x): x is string => !!x))];
  const [notes, incident, users] = await Promise.all([
    listAlertNotes(db, a.id),
    a.incidentId ? db.prisma.incident.findUnique({ where: { id: a.incidentId }, select: { id: true, title: true, status: true, severity: true } }) : null,
    assigneeIds.length ? db.prisma.user.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, email: true } }) : [],
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    notes,
    incident: incident ? { ...incident, key: incidentKey(incident.id) } : null,
    context: contextWindow(a.firstSeen, a.lastSeen),
    userRef: (id: string | null): UserRef | null => (id ? byId.get(id) ?? { id, email: "(deleted user)" } : null),
  };
}
