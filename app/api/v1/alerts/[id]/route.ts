import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { HttpError, json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { AlertPatch } from "@/lib/alerts/schemas";
import { getAlertDetail } from "@/lib/alerts/queries";
import { updateAlert } from "@/lib/alerts/triage";
import { intId } from "@/lib/alerts/ids";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (_req, { params }) => {
  await requireUser("viewer");
  const detail = await getAlertDetail(getDb(), intId((await params).id, "alert"));
  if (!detail) throw new HttpError(404, "alert not found");
  return json(detail);
});

export const PATCH = route<Ctx>(async (req, { params }) => {
  const user = await requireUser("analyst");
  const id = intId((await params).id, "alert");
  const patch = AlertPatch.parse(await readJson(req));
  return json({ alert: await updateAlert(getDb(), user, id, patch) });
});
