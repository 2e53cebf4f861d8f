import { getDb } from "@/lib/db";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { openSharedIncident, SHARE_HEADERS } from "@/lib/share/public-view";
import { clientIp, recordMiss, retryAfterSeconds } from "@/lib/share/probe-limit";

/**
 * The read-only incident behind an external share link. No login: the token
 * is the credential. Wrong, expired and revoked tokens all answer the same 404.
 */
export const GET = route<{ params: Promise<{ token: string }> }>(async (req, { params }) => {
  const ip = clientIp(req.headers);
  const wait = retryAfterSeconds(ip);
  if (wait !== null) return json({ error: "too many attempts, retry later" }, { status: 429, headers: { ...SHARE_HEADERS, "retry-after": String(wait) } });
  const view = await openSharedIncident(getDb(), (await params).token, { ip, userAgent: req.headers.get("user-agent") });
  if (!view) {
    recordMiss(ip);
    return json({ error: "not found" }, { status: 404, headers: SHARE_HEADERS });
  }
  return json(view, { headers: SHARE_HEADERS });
});
