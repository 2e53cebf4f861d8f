import { route } from "@/lib/http/route";
import { handleOtlpLogs } from "@/lib/ingest/otlp";

export const dynamic = "force-dynamic";

/** OTLP/HTTP logs (JSON and protobuf), where OpenTelemetry exporters post by default. */
export const POST = route(async (req) => handleOtlpLogs(req));
