import { route } from "@/lib/http/route";
import { handleIngest } from "@/lib/ingest/http";
import { normalizeAuditBody } from "@/lib/ingest/audit/normalize";

export const dynamic = "force-dynamic";

/** kube-apiserver audit webhook (EventList) and NDJSON of audit Events (log backend files). */
export const POST = route(async (req) => handleIngest(req, "k8s-audit", (body, ctx) => normalizeAuditBody(body.toString("utf8"), ctx.cluster)));
