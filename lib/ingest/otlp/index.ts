import "server-only";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { checkIngestToken } from "@/lib/auth/tokens";
import { readBytesCapped } from "@/lib/http/body";
import { HttpError, isDatabaseUnavailable } from "@/lib/http/errors";
import { ingestEvents } from "@/lib/ingest/pipeline";
import type { NormalizeResult } from "@/lib/ingest/types";
import { normalizeOtlpBody, PROTOBUF_TYPES } from "./normalize";
import { mediaType, otlpError, otlpResponse, summarizeRejections, toResponse } from "./response";

export { normalizeOtlpBody } from "./normalize";
export { otlpError, otlpResponse } from "./response";

/**
 * POST /v1/logs (OTLP/HTTP). The same flow as handleIngest (token → content
 * type → capped body → normalize → one committed batch), but answered the
 * OTLP way: an ExportLogsServiceResponse (partialSuccess when records were
 * rejected) on 200 and a google.rpc.Status body on errors, both in the
 * request's encoding, because OTel exporters parse exactly those.
 *
 * HttpErrors (e.g. 413 from the body cap) and an unreachable database (503 +
 * Retry-After, which exporters retry) are answered here too; anything else
 * is thrown to the route wrapper (500).
 */
export async function handleOtlpLogs(req: NextRequest): Promise<Response> {
  // OTLP requires a Content-Type; like the other ingest endpoints, a missing one means JSON.
  const type = mediaType(req.headers.get("content-type")) || "application/json";
  const fail = (status: number, message: string, headers?: Record<string, string>) =>
    toResponse(otlpError(status, message, type), status, headers);
  try {
    const db = getDb();
    const auth = await checkIngestToken(db, req.headers.get("authorization"));
    if (!auth.ok) return fail(auth.status, auth.error, auth.status === 401 ? { "www-authenticate": 'Bearer realm="crowsnest-ingest"' } : undefined);
    if (type !== "application/json" && !PROTOBUF_TYPES.has(type)) {
      return fail(415, `unsupported content type '${type}'; OTLP/HTTP sends application/x-protobuf or application/json`);
    }
    const body = await readBytesCapped(req);
    let result: NormalizeResult;
    try {
      result = normalizeOtlpBody(body, { cluster: auth.scope.cluster, contentType: type });
    } catch (err) {
      return fail(400, `body could not be decoded: ${(err as Error).message}`);
    }
    // Rejected records go to the quarantine with their raw text, as on every ingest endpoint.
    await ingestEvents(db, result.events, { tokenId: auth.scope.tokenId, source: "otlp", cluster: auth.scope.cluster, rejected: result.rejected });
    return toResponse(otlpResponse({ rejected: result.rejected.length, errorMessage: summarizeRejections(result.rejected) }, type), 200);
  } catch (err) {
    if (err instanceof HttpError) return fail(err.status, err.message, err.headers);
    if (isDatabaseUnavailable(err)) return fail(503, "database unavailable, retry later", { "retry-after": "5" });
    throw err;
  }
}
