import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { adminCreateUser, CreateUserInput, listUsers } from "@/lib/auth/admin";

export const GET = route(async () => {
  await requireUser("admin");
  return json({ users: await listUsers(getDb()) });
});

export const POST = route(async (req) => {
  const actor = await requireUser("admin");
  const input = CreateUserInput.parse(await readJson(req));
  return json({ user: await adminCreateUser(getDb(), actor, input) }, 201);
});
