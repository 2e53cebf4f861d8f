import type { Rejected } from "@/lib/ingest/types";
import { PROTOBUF_TYPES } from "./normalize";
import { ExportLogsServiceResponse, RpcStatus } from "./proto";

export type OtlpBody = { body: Buffer | string; contentType: string };

const JSON_TYPE = "application/json";
const PROTOBUF_TYPE = "application/x-protobuf";

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(header: string | null | undefined): string {
  return (header ?? "").split(";")[0].trim().toLowerCase();
}

/** OTLP/HTTP: the response is encoded like the request (protobuf in, protobuf out; JSON otherwise). */
const isProtobuf = (requestContentType: string) => PROTOBUF_TYPES.has(mediaType(requestContentType));

/**
 * A successful export's body. Nothing rejected → an empty
 * ExportLogsServiceResponse (`{}` / zero bytes). Some rejected → partialSuccess,
 * which the spec requires so the sender knows not to retry those records.
 * rejectedLogRecords is int64; OTLP/JSON receivers accept it as a number.
 */
export function otlpResponse(result: { rejected: number; errorMessage?: string }, requestContentType: string): OtlpBody {
  const partial = result.rejected > 0 || result.errorMessage
    ? { rejectedLogRecords: result.rejected, ...(result.errorMessage ? { errorMessage: result.errorMessage } : {}) }
    : null;
  if (isProtobuf(requestContentType)) {
    const msg = ExportLogsServiceResponse.fromObject(partial ? { partialSuccess: partial } : {});
    return { body: Buffer.from(ExportLogsServiceResponse.encode(msg).finish()), contentType: PROTOBUF_TYPE };
  }
  return { body: JSON.stringify(partial ? { partialSuccess: partial } : {}), contentType: JSON_TYPE };
}

/** HTTP status → google.rpc.Code, which is what Status.code carries (not the HTTP status). */
function rpcCode(status: number): number {
  switch (status) {
    case 400: case 413: case 415: return 3; // INVALID_ARGUMENT: resending the same body will not help
    case 401: return 16; // UNAUTHENTICATED
    case 403: return 7; // PERMISSION_DENIED
    case 404: return 5; // NOT_FOUND
    case 429: return 8; // RESOURCE_EXHAUSTED
    case 502: case 503: case 504: return 14; // UNAVAILABLE: the exporter retries these
    default: return status >= 500 ? 13 : 2; // INTERNAL / UNKNOWN
  }
}

/** A failed export's body: google.rpc.Status {code, message}, in the request's encoding. */
export function otlpError(status: number, message: string, requestContentType: string): OtlpBody {
  const status_ = { code: rpcCode(status), message };
  if (isProtobuf(requestContentType)) {
    return { body: Buffer.from(RpcStatus.encode(RpcStatus.fromObject(status_)).finish()), contentType: PROTOBUF_TYPE };
  }
  return { body: JSON.stringify(status_), contentType: JSON_TYPE };
}

const MAX_REASONS = 5;

/** partialSuccess.errorMessage: how many records were rejected and the first few reasons, by record index. */
export function summarizeRejections(rejected: Rejected[]): string | undefined {
  if (rejected.length === 0) return undefined;
  const shown = rejected.slice(0, MAX_REASONS).map((r) => `#${r.index}: ${r.reason}`).join("; ");
  const more = rejected.length > MAX_REASONS ? `; and ${rejected.length - MAX_REASONS} more` : "";
  return `${rejected.length} log record(s) rejected: ${shown}${more}`;
}

/** An OtlpBody as a Response (copies Buffers into a plain Uint8Array, which every BodyInit accepts). */
export function toResponse(out: OtlpBody, status: number, headers?: Record<string, string>): Response {
  return new Response(typeof out.body === "string" ? out.body : new Uint8Array(out.body), {
    status,
    headers: { "content-type": out.contentType, "cache-control": "no-store", ...headers },
  });
}
