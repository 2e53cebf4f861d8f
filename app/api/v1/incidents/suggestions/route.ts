import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { suggestIncidents } from "@/lib/incidents/suggestions";

export const GET = route(async () => {
  await requireUser("viewer");
  return json(await suggestIncidents(getDb()));
});
