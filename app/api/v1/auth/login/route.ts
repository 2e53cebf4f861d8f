import { z } from "zod";
import { getDb } from "@/lib/db";
import { authenticate } from "@/lib/auth/users";
import { createSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { sessionCookie } from "@/lib/auth/cookie";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from "@/lib/auth/throttle";

const Login = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export const POST = route(async (req) => {
  const body = Login.parse(await readJson(req));
  const db = getDb();
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  assertLoginAllowed(body.email, ip);
  const user = await authenticate(db, body.email, body.password);
  if (!user) {
    recordLoginFailure(body.email, ip);
    return json({ error: "invalid e-mail or password" }, 401);
  }
  clearLoginFailures(body.email);
  const { token, expiresAt } = await createSession(db, user.id, { userAgent: req.headers.get("user-agent"), ip });
  const res = json({ user });
  res.headers.append("set-cookie", sessionCookie(SESSION_COOKIE, token, expiresAt, req));
  return res;
});
