import { route } from "@/lib/http/route";
import { handleIngest } from "@/lib/ingest/http";
import { normalizeK8sEventsBody } from "@/lib/ingest/k8s-events/normalize";

export const dynamic = "force-dynamic";

/** Kubernetes Events (v1 and events.k8s.io/v1): objects, lists, watch frames, NDJSON. */
export const POST = route(async (req) => handleIngest(req, "k8s-events", normalizeK8sEventsBody));
