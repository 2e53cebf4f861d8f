import { createHash } from "node:crypto";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { recordActivity } from "@/lib/incidents/activity";
import type { AlertNoteDto } from "./schemas";

/**
 * Adds a note to an alert. The body is stored as the Markdown source the
 * analyst typed; the UI renders it safely (no raw HTML). The audit entry keeps
 * the body's sha256, so a note edited later in the database is detectable.
 */
export async function addAlertNote(db: Db, user: SessionUser, alertId: number, body: string): Promise<AlertNoteDto> {
  return db.prisma.$transaction(async (tx) => {
    const alert = await tx.alert.findUnique({ where: { id: alertId }, select: { id: true, incidentId: true } });
    if (!alert) throw new HttpError(404, "alert not found");
    const note = await tx.note.create({ data: { alertId, authorId: user.id, body } });
    const sha256 = createHash("sha256").update(body).digest("hex");
    await appendAudit(tx, { userId: user.id, action: "alert.note", target: `alert:${alertId}`, details: { noteId: note.id.toString(), sha256, length: body.length } });
    if (alert.incidentId) await recordActivity(tx, alert.incidentId, user.id, "alert.note", { alertId, noteId: note.id.toString() });
    return { id: note.id.toString(), author: { id: user.id, email: user.email }, body: note.body, createdAt: note.createdAt.toISOString() };
  });
}
