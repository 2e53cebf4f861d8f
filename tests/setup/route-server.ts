import { createServer, type IncomingMessage, type Server } from "node:http";
import type { NextRequest } from "next/server";
import { listenLoopback, sendResponse, toNextRequest } from "./http-bridge";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Routes = Record<string, Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", Handler>>>;

/**
 * Serves the app's real route handlers over real HTTP on 127.0.0.1, so real
 * clients (curl, the OpenTelemetry SDK, syslog-ng) can post to them in
 * integration tests without building Next.js. Paths are matched exactly; no
 * request scope, so cookie sessions are app-server.ts's business.
 */
export async function startRouteServer(routes: Routes): Promise<{ url: string; close: () => Promise<void>; server: Server }> {
  const server = createServer(async (req: IncomingMessage, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const handler = routes[url.pathname]?.[req.method as "POST"];
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      await sendResponse(res, await handler(toNextRequest(req, url), { params: Promise.resolve({}) }));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  return { ...(await listenLoopback(server)), server };
}
