import { route } from "@/lib/http/route";
import { handleIngest } from "@/lib/ingest/http";
import { normalizeLogsBody } from "@/lib/ingest/logs/normalize";

export const dynamic = "force-dynamic";

/** Container and node logs: Fluent Bit http output (json, json_lines), Vector's http sink, journald and syslog records. */
export const POST = route(async (req) => handleIngest(req, "logs", normalizeLogsBody));
