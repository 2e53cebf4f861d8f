import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getCoverage } from "@/lib/inventory/coverage-store";

/** Coverage of every cluster: {clusters:[{cluster, coverage, sources, thresholds}]}. */
export const GET = route(async () => {
  await requireUser("viewer");
  return json({ clusters: await getCoverage(getDb()) });
});
