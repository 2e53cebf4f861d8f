import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { HttpError, json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { IncidentPatch } from "@/lib/incidents/schemas";
import { parseIncidentKey } from "@/lib/incidents/keys";
import { getIncidentDetail } from "@/lib/incidents/detail";
import { updateIncident } from "@/lib/incidents/incidents";

type Ctx = { params: Promise<{ key: string }> };

export const GET = route<Ctx>(async (_req, { params }) => {
  await requireUser("viewer");
  const detail = await getIncidentDetail(getDb(), parseIncidentKey((await params).key));
  if (!detail) throw new HttpError(404, "incident not found");
  return json(detail);
});

export const PATCH = route<Ctx>(async (req, { params }) => {
  const user = await requireUser("analyst");
  const id = parseIncidentKey((await params).key);
  const patch = IncidentPatch.parse(await readJson(req));
  return json({ incident: await updateIncident(getDb(), user, id, patch) });
});
