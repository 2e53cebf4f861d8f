import type { NextRequest } from "next/server";
import { errorResponse, HttpError } from "./errors";

type Handler<C> = (req: NextRequest, ctx: C) => Promise<Response>;

/** Wraps a route handler: every thrown error becomes the right status (400/401/403/404/413/503…). */
export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (req, ctx) => {
    try {
      if (!["GET", "HEAD", "OPTIONS"].includes(req.method)) assertSameOrigin(req);
      return await handler(req, ctx);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/**
 * Cookie-authenticated writes must come from our own pages. Browsers send
 * Origin on cross-site POST/PATCH/DELETE; scripts (curl, shippers) send none
 * and authenticate with a token or an explicit login instead.
 */
function assertSameOrigin(req: NextRequest): void {
  const origin = req.headers.get("origin");
  if (!origin || req.headers.get("authorization")) return;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    if (new URL(origin).host === host) return;
  } catch {
    /* fall through */
  }
  throw new HttpError(403, "cross-origin request refused");
}

export async function readJson(req: Request, max = 1024 * 1024): Promise<unknown> {
  const text = await req.text();
  if (text.length > max) throw new HttpError(413, "body too large");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "body is not valid JSON");
  }
}

export function idParam(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new HttpError(404, "not found");
  return Number(raw);
}
