import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { deleteTarget, TargetPatch, updateTarget } from "@/lib/notify/targets";
import { intId } from "@/lib/alerts/ids";

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = route<Ctx>(async (req, { params }) => {
  const user = await requireUser("admin");
  const id = intId((await params).id, "notification target");
  const patch = TargetPatch.parse(await readJson(req));
  return json({ target: await updateTarget(getDb(), user, id, patch) });
});

export const DELETE = route<Ctx>(async (_req, { params }) => {
  const user = await requireUser("admin");
  await deleteTarget(getDb(), user, intId((await params).id, "notification target"));
  return json({ deleted: true });
});
