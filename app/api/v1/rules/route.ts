import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { createRule, listRules } from "@/lib/detect/admin";

export const GET = route(async () => {
  await requireUser("viewer");
  return json({ rules: await listRules(getDb()) });
});

export const POST = route(async (req) => {
  const user = await requireUser("analyst");
  return json({ rule: await createRule(getDb(), user, await readJson(req)) }, 201);
});
