import { route } from "@/lib/http/route";
import { handleIngest } from "@/lib/ingest/http";
import { normalizeFalcoBody } from "@/lib/ingest/falco/normalize";

export const dynamic = "force-dynamic";

/** Falco http_output and Falcosidekick's webhook: one alert, an array, NDJSON, or syslog-framed lines. */
export const POST = route(async (req) => handleIngest(req, "falco", normalizeFalcoBody));
