import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { adminCreateToken, CreateTokenInput, listTokens } from "@/lib/auth/admin";

export const GET = route(async () => {
  await requireUser("admin");
  return json({ tokens: await listTokens(getDb()) });
});

export const POST = route(async (req) => {
  const actor = await requireUser("admin");
  const input = CreateTokenInput.parse(await readJson(req));
  return json(await adminCreateToken(getDb(), actor, input), 201);
});
