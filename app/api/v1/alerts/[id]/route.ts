import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { HttpError, json } from "@/lib/http/errors";
import { idParam, readJson, route } from "@/lib/http/route";
import { AlertPatch } from "@/lib/alerts/schemas";
import { changeAlertStatus, getAlertDetail } from "@/lib/alerts/queries";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (_req, { params }) => {
  await requireUser("viewer");
  const detail = await getAlertDetail(getDb(), idParam((await params).id));
  if (!detail) throw new HttpError(404, "alert not found");
  return json(detail);
});

export const PATCH = route<Ctx>(async (req, { params }) => {
  const user = await requireUser("analyst");
  const id = idParam((await params).id);
  const patch = AlertPatch.parse(await readJson(req));
  return json({ alert: await changeAlertStatus(getDb(), user, id, patch) });
});
