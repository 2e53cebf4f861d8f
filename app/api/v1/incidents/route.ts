import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { IncidentCreate, IncidentListParams } from "@/lib/incidents/schemas";
import { createIncident, listIncidents } from "@/lib/incidents/incidents";

export const GET = route(async (req) => {
  await requireUser("viewer");
  const params = IncidentListParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json({ incidents: await listIncidents(getDb(), params) });
});

export const POST = route(async (req) => {
  const user = await requireUser("analyst");
  const input = IncidentCreate.parse(await readJson(req));
  return json(await createIncident(getDb(), user, input), 201);
});
