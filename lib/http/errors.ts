import { ZodError } from "zod";

export class HttpError extends Error {
  constructor(
    public status: number,
    message: string,
    public details?: unknown,
    public headers?: Record<string, string>,
    public extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

// SQLSTATE classes and driver errors that mean "try again later", not "bug".
const TRANSIENT_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08006", "40001", "40P01"]);

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const any = e as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
    if (typeof any.code === "string" && TRANSIENT_CODES.has(any.code)) return true;
    const msg = typeof any.message === "string" ? any.message : "";
    if (/Query read timeout|Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Can't reach database|the database system is (starting up|shutting down)|terminating connection|Client has encountered a connection error|DatabaseNotReachable/i.test(msg)) return true;
    if (any.name === "DriverAdapterError" && /(ECONNREFUSED|DatabaseNotReachable|ConnectionClosed)/.test(JSON.stringify(any.cause ?? ""))) return true;
    e = any.cause;
  }
  return false;
}

export function json(body: unknown, init: number | ResponseInit = 200): Response {
  const base: ResponseInit = typeof init === "number" ? { status: init } : init;
  return new Response(JSON.stringify(body, jsonReplacer), {
    ...base,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...(base.headers as Record<string, string> | undefined) },
  });
}

export function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** Maps any thrown error to the response a client can act on. */
export function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) {
    return json({ error: err.message, ...(err.details !== undefined ? { details: err.details } : {}), ...err.extra }, { status: err.status, headers: err.headers });
  }
  if (err instanceof ZodError) {
    return json({ error: "invalid request", issues: err.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, 400);
  }
  if (isDatabaseUnavailable(err)) {
    return json({ error: "database unavailable, retry later" }, { status: 503, headers: { "retry-after": "5" } });
  }
  console.error("[crowsnest] unhandled error", err);
  return json({ error: "internal error" }, 500);
}
