import { createServer, type IncomingMessage, type Server } from "node:http";
import { Readable } from "node:stream";
import { NextRequest } from "next/server";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Routes = Record<string, Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", Handler>>>;

/**
 * Serves the app's real route handlers over real HTTP on 127.0.0.1, so real
 * clients (curl, the OpenTelemetry SDK, syslog-ng) can post to them in
 * integration tests without building Next.js. Paths are matched exactly.
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
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const hasBody = req.method !== "GET" && req.method !== "HEAD";
      const request = new NextRequest(url, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]);
      const response = await handler(request, { params: Promise.resolve({}) });
      const out: Record<string, string> = {};
      response.headers.forEach((v, k) => (out[k] = v));
      res.writeHead(response.status, out);
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
