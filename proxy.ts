import { NextResponse, type NextRequest } from "next/server";

/**
 * Passes the requested path to pages (so a logged-out visitor returns to it
 * after login) and sets security headers. Authorization itself happens in
 * each page and route handler, never only here.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-crowsnest-path", request.nextUrl.pathname + request.nextUrl.search);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-content-type-options", "nosniff");
  res.headers.set("x-frame-options", "DENY");
  res.headers.set("referrer-policy", "same-origin");
  // External share links: no login here (the token is the credential, checked by
  // the page and the API), and the token must not leak via Referer, caches or search engines.
  if (isSharePath(request.nextUrl.pathname)) {
    res.headers.set("referrer-policy", "no-referrer");
    res.headers.set("cache-control", "no-store");
    res.headers.set("x-robots-tag", "noindex, nofollow");
  }
  return res;
}

function isSharePath(path: string): boolean {
  return path.startsWith("/share/") || path.startsWith("/api/v1/share/");
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
