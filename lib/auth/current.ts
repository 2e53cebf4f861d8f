import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { HttpError } from "@/lib/http/errors";
import { hasRole, type RoleName, type SessionUser } from "./roles";
import { SESSION_COOKIE, userForSession } from "./sessions";

export async function currentUser(): Promise<SessionUser | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return userForSession(getDb(), token);
}

/** For route handlers and server actions: 401 without a session, 403 below `min`. */
export async function requireUser(min: RoleName = "viewer"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new HttpError(401, "login required");
  if (!hasRole(user.role, min)) throw new HttpError(403, `requires role ${min}`);
  return user;
}

/** For pages: sends a logged-out visitor to /login and back to where they were. */
export async function requirePageUser(min: RoleName = "viewer"): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const h = await headers();
    const next = h.get("x-crowsnest-path") ?? "/";
    redirect(`/login?next=${encodeURIComponent(next)}`);
  }
  if (!hasRole(user.role, min)) redirect("/forbidden");
  return user;
}
