/**
 * Calls an app route handler the way Next.js does — inside a request scope,
 * so `cookies()` (and with it `requireUser`) reads the session cookie — and
 * without building the app. Used by the search API tests to exercise auth,
 * zod parsing and error mapping of the real handlers.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { NextRequest } from "next/server";

// Next's request storage looks for the class on globalThis, as its server runtime sets it; this must run
// before any next/* module loads, so the test imports this file before the route modules.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any route's params
export type RouteHandler = (req: NextRequest, ctx: { params: Promise<any> }) => Promise<Response>;

export async function callRoute(
  handler: RouteHandler,
  opts: { url: string; method?: string; session?: string; body?: unknown; params?: Record<string, string> },
): Promise<Response> {
  const { NextRequest } = await import("next/server");
  const { workAsyncStorage } = await import("next/dist/server/app-render/work-async-storage.external");
  const { workUnitAsyncStorage } = await import("next/dist/server/app-render/work-unit-async-storage.external");
  const { RequestCookies } = await import("next/dist/server/web/spec-extension/cookies");
  const { RequestCookiesAdapter } = await import("next/dist/server/web/spec-extension/adapters/request-cookies");
  const headers = new Headers();
  if (opts.session) headers.set("cookie", `crowsnest_session=${opts.session}`);
  if (opts.body !== undefined) headers.set("content-type", "application/json");
  const req = new NextRequest(new URL(opts.url, "http://127.0.0.1"), {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const store = { type: "request", phase: "render", cookies: RequestCookiesAdapter.seal(new RequestCookies(headers)), headers };
  return workAsyncStorage.run({ route: new URL(req.url).pathname, forceStatic: false, dynamicShouldError: false } as never, () =>
    workUnitAsyncStorage.run(store as never, () => handler(req, { params: Promise.resolve(opts.params ?? {}) })),
  );
}
