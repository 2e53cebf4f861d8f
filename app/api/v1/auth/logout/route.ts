import { getDb } from "@/lib/db";
import { deleteSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { sessionCookie } from "@/lib/auth/cookie";
import { route } from "@/lib/http/route";

export const POST = route(async (req) => {
  await deleteSession(getDb(), req.cookies.get(SESSION_COOKIE)?.value);
  const res = new Response(null, { status: 204 });
  res.headers.append("set-cookie", sessionCookie(SESSION_COOKIE, "", null, req));
  return res;
});
