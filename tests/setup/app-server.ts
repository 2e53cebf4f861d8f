import "./next-als";
import { createServer, type IncomingMessage } from "node:http";
import type { NextRequest } from "next/server";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store.js";
import { listenLoopback, sendResponse, toNextRequest } from "./http-bridge";

type Method = "GET" | "POST" | "PATCH" | "DELETE";
type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
/** Route modules by path pattern, e.g. "/api/v1/alerts/:id": { GET, PATCH }. */
export type AppRoutes = Record<string, Partial<Record<Method, unknown>>>;

function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split("/");
  const s = path.split("/");
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(":")) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

/**
 * Serves the app's real route handlers over real HTTP on 127.0.0.1 inside a
 * Next.js request scope, so cookie sessions (cookies() from next/headers)
 * work as under `next start`: role checks are exercised end to end.
 * Static segments win over :params, as in the App Router.
 */
export async function startAppServer(routes: AppRoutes): Promise<{ url: string; close: () => Promise<void> }> {
  const patterns = Object.keys(routes).sort((a, b) => (a.split(":").length - b.split(":").length));
  const server = createServer(async (req: IncomingMessage, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      let handler: Handler | undefined;
      let params: Record<string, string> = {};
      for (const pattern of patterns) {
        const m = match(pattern, url.pathname);
        if (m) {
          handler = routes[pattern][req.method as Method] as Handler | undefined;
          params = m;
          break;
        }
      }
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      const request = toNextRequest(req, url);
      const requestStore = createRequestStoreForAPI({ headers: request.headers } as never, url as never, undefined as never, undefined, undefined as never, undefined);
      const workStore = { route: url.pathname, page: url.pathname, forceStatic: false, dynamicShouldError: false };
      const response = await workAsyncStorage.run(workStore as never, () =>
        workUnitAsyncStorage.run(requestStore as never, () => handler!(request, { params: Promise.resolve(params) })),
      );
      await sendResponse(res, response);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return listenLoopback(server);
}
