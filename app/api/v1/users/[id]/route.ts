import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { adminUpdateUser, UpdateUserInput } from "@/lib/auth/admin";

export const PATCH = route<{ params: Promise<{ id: string }> }>(async (req, { params }) => {
  const actor = await requireUser("admin");
  const input = UpdateUserInput.parse(await readJson(req));
  return json({ user: await adminUpdateUser(getDb(), actor, (await params).id, input) });
});
