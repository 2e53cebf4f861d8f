import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { createTarget, listTargets, TargetInput } from "@/lib/notify/targets";

export const GET = route(async () => {
  await requireUser("admin");
  return json({ targets: await listTargets(getDb()) });
});

export const POST = route(async (req) => {
  const user = await requireUser("admin");
  const input = TargetInput.parse(await readJson(req));
  return json({ target: await createTarget(getDb(), user, input) }, 201);
});
