import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { HttpError } from "@/lib/http/errors";
import type { Tx } from "./tx";

/** Who can own an alert or an incident: analysts and admins that are not disabled. */
const ASSIGNABLE: Prisma.UserWhereInput = { role: { in: ["analyst", "admin"] }, disabled: false };

/** GET /api/v1/users/assignable: the assignee picker (viewers may read it; no secrets in it). */
export async function listAssignableUsers(db: Db) {
  return db.prisma.user.findMany({
    where: ASSIGNABLE,
    select: { id: true, email: true, name: true, role: true },
    orderBy: { email: "asc" },
  });
}

/** "me" → the caller, a user id → that user if assignable (400 otherwise), null → unassigned. */
export async function resolveAssignee(tx: Tx, user: SessionUser, ref: string | null): Promise<string | null> {
  if (ref === null) return null;
  if (ref === "me") return user.id;
  const found = await tx.user.findFirst({ where: { id: ref, ...ASSIGNABLE }, select: { id: true } });
  if (!found) throw new HttpError(400, "assignee must be an active analyst or admin");
  return found.id;
}
