import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { ingestStats } from "@/lib/ingest/admin";
import { ingestLoad } from "@/lib/ingest/limits";

export const GET = route(async () => {
  await requireUser("admin");
  return json({ stats: await ingestStats(getDb()), load: ingestLoad() });
});
