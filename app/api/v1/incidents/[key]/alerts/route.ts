import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { IncidentAlertsInput } from "@/lib/incidents/schemas";
import { parseIncidentKey } from "@/lib/incidents/keys";
import { addAlertsToIncident } from "@/lib/incidents/incidents";

export const POST = route<{ params: Promise<{ key: string }> }>(async (req, { params }) => {
  const user = await requireUser("analyst");
  const id = parseIncidentKey((await params).key);
  const { alertIds } = IncidentAlertsInput.parse(await readJson(req));
  return json(await addAlertsToIncident(getDb(), user, id, alertIds));
});
