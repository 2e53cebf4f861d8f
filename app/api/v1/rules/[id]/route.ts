import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { HttpError, json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { deleteRule, getRule, updateRule } from "@/lib/detect/admin";

type Ctx = { params: Promise<{ id: string }> };

export const GET = route<Ctx>(async (_req, { params }) => {
  await requireUser("viewer");
  const rule = await getRule(getDb(), decodeURIComponent((await params).id));
  if (!rule) throw new HttpError(404, "rule not found");
  return json({ rule });
});

export const PATCH = route<Ctx>(async (req, { params }) => {
  const user = await requireUser("analyst");
  return json({ rule: await updateRule(getDb(), user, decodeURIComponent((await params).id), await readJson(req)) });
});

export const DELETE = route<Ctx>(async (_req, { params }) => {
  const user = await requireUser("analyst");
  await deleteRule(getDb(), user, decodeURIComponent((await params).id));
  return new Response(null, { status: 204 });
});
