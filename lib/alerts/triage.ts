import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { linkAlertsToIncident } from "@/lib/incidents/link";
import { parseIncidentKey } from "@/lib/incidents/keys";
import { resolveAssignee } from "./assignees";
import { alertInclude, toAlertDto } from "./queries";
import { lockAlerts, type LockedAlert, type Tx } from "./tx";
import type { AlertBulk, AlertDto, AlertPatch, AlertStatusName, ResolutionReason } from "./schemas";

/**
 * The alert life cycle: open → acknowledged → resolved, reopen from resolved
 * (or hand an acknowledged alert back to the queue). A resolved alert must be
 * reopened before it can be acknowledged again, so its resolution is never
 * silently overwritten.
 */
const TRANSITIONS: Record<AlertStatusName, AlertStatusName[]> = {
  open: ["acknowledged", "resolved"],
  acknowledged: ["open", "resolved"],
  resolved: ["open"],
};

/** Why `from → to` is not allowed, or null when it is. */
export function transitionError(from: AlertStatusName, to: AlertStatusName): string | null {
  if (from === to) return `already ${to}`;
  if (!TRANSITIONS[from].includes(to)) return `cannot go from ${from} to ${to}${from === "resolved" ? ": reopen it first" : ""}`;
  return null;
}

type StatusChange = { to: AlertStatusName; reason?: string; resolutionReason?: ResolutionReason };

function checkResolution(c: StatusChange): void {
  if (c.to === "resolved" && !c.resolutionReason) {
    throw new HttpError(400, "resolving an alert needs a resolutionReason (true_positive, false_positive, benign or duplicate)");
  }
  if (c.to !== "resolved" && c.resolutionReason) throw new HttpError(400, "resolutionReason only goes with status resolved");
}

/** Writes the status change and its immutable history row; the caller holds the row lock and audits. */
async function applyStatus(tx: Tx, user: SessionUser, row: LockedAlert, c: StatusChange): Promise<void> {
  const resolved = c.to === "resolved";
  await tx.alert.update({
    where: { id: row.id },
    data: { status: c.to, resolutionReason: resolved ? c.resolutionReason : null, resolution: resolved ? c.reason || null : null },
  });
  await tx.alertHistory.create({
    data: {
      alertId: row.id, userId: user.id, action: "status", fromStatus: row.status, toStatus: c.to,
      reason: c.reason || null, resolutionReason: resolved ? c.resolutionReason : null,
    },
  });
  row.status = c.to;
}

async function applyAssign(tx: Tx, user: SessionUser, row: LockedAlert, assigneeId: string | null, reason?: string): Promise<void> {
  await tx.alert.update({ where: { id: row.id }, data: { assigneeId } });
  await tx.alertHistory.create({
    data: { alertId: row.id, userId: user.id, action: "assign", fromStatus: row.status, toStatus: row.status, assigneeId, reason: reason || null },
  });
  row.assignee_id = assigneeId;
}

/**
 * PATCH /api/v1/alerts/:id: a status change and/or an assignment, each with
 * its history row and audit entry, in one transaction.
 */
export async function updateAlert(db: Db, user: SessionUser, id: number, patch: AlertPatch): Promise<AlertDto> {
  if (patch.status) checkResolution({ to: patch.status, resolutionReason: patch.resolutionReason });
  else if (patch.resolutionReason) throw new HttpError(400, "resolutionReason only goes with status resolved");
  return db.prisma.$transaction(async (tx) => {
    const row = (await lockAlerts(tx, [id])).get(id);
    if (!row) throw new HttpError(404, "alert not found");
    if (patch.status) {
      const err = transitionError(row.status, patch.status);
      if (err) throw new HttpError(409, `alert is ${err}`);
      const from = row.status;
      await applyStatus(tx, user, row, { to: patch.status, reason: patch.reason, resolutionReason: patch.resolutionReason });
      await appendAudit(tx, {
        userId: user.id, action: "alert.status", target: `alert:${id}`,
        details: { from, to: patch.status, reason: patch.reason ?? null, resolutionReason: patch.resolutionReason ?? null },
      });
    }
    if (patch.assigneeId !== undefined) {
      const assigneeId = await resolveAssignee(tx, user, patch.assigneeId);
      if (assigneeId === row.assignee_id) {
        // Assigning to whoever already has it is only an error when it is the whole request.
        if (!patch.status) throw new HttpError(409, assigneeId ? "alert is already assigned to that user" : "alert is already unassigned");
      } else {
        const before = row.assignee_id;
        await applyAssign(tx, user, row, assigneeId, patch.status ? undefined : patch.reason);
        await appendAudit(tx, { userId: user.id, action: "alert.assign", target: `alert:${id}`, details: { from: before, to: assigneeId } });
      }
    }
    return toAlertDto(await tx.alert.findUniqueOrThrow({ where: { id }, include: alertInclude }));
  });
}

/** The name the first version of the API used; same operation. */
export const changeAlertStatus = updateAlert;

const BULK_TARGET: Record<"acknowledge" | "resolve" | "reopen", AlertStatusName> = { acknowledge: "acknowledged", resolve: "resolved", reopen: "open" };

export type BulkResult = { updated: number; skipped: { id: number; reason: string }[] };

/**
 * POST /api/v1/alerts/bulk: one action over many alerts in one transaction.
 * Alerts the action does not apply to (missing, already in that state, a
 * transition that is not allowed) are skipped with the reason, never failing
 * the others; one audit entry lists what changed and what was skipped.
 */
export async function bulkUpdateAlerts(db: Db, user: SessionUser, input: AlertBulk): Promise<BulkResult> {
  const ids = [...new Set(input.ids)];
  if (input.action === "resolve") checkResolution({ to: "resolved", resolutionReason: input.resolutionReason });
  else if (input.resolutionReason) throw new HttpError(400, "resolutionReason only goes with action resolve");
  if (input.action === "assign" && input.assigneeId === undefined) throw new HttpError(400, "assign needs assigneeId (a user id, \"me\" or null)");
  if (input.action === "add-to-incident" && input.incidentId === undefined) throw new HttpError(400, "add-to-incident needs incidentId");

  return db.prisma.$transaction(async (tx) => {
    let result: BulkResult;
    if (input.action === "add-to-incident") {
      const r = await linkAlertsToIncident(tx, user, parseIncidentKey(input.incidentId!), ids, input.reason);
      result = { updated: r.added.length, skipped: r.skipped };
    } else {
      const rows = await lockAlerts(tx, ids);
      const skipped: BulkResult["skipped"] = [];
      const changed: number[] = [];
      const assigneeId = input.action === "assign" ? await resolveAssignee(tx, user, input.assigneeId ?? null) : null;
      for (const id of ids) {
        const row = rows.get(id);
        if (!row) {
          skipped.push({ id, reason: "not found" });
          continue;
        }
        if (input.action === "assign") {
          if (row.assignee_id === assigneeId) skipped.push({ id, reason: assigneeId ? "already assigned to that user" : "already unassigned" });
          else {
            await applyAssign(tx, user, row, assigneeId, input.reason);
            changed.push(id);
          }
          continue;
        }
        const to = BULK_TARGET[input.action];
        const err = transitionError(row.status, to);
        if (err) skipped.push({ id, reason: err });
        else {
          await applyStatus(tx, user, row, { to, reason: input.reason, resolutionReason: input.resolutionReason });
          changed.push(id);
        }
      }
      result = { updated: changed.length, skipped };
      await appendAudit(tx, {
        userId: user.id, action: "alert.bulk", target: changed.length === 1 ? `alert:${changed[0]}` : null,
        details: {
          action: input.action, updated: changed, skipped,
          ...(input.action === "assign" ? { assigneeId } : {}),
          ...(input.resolutionReason ? { resolutionReason: input.resolutionReason } : {}),
          ...(input.reason ? { reason: input.reason } : {}),
        },
      });
    }
    return result;
  }, { timeout: 30_000 });
}
