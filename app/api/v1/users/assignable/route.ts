import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { listAssignableUsers } from "@/lib/alerts/assignees";

export const GET = route(async () => {
  await requireUser("viewer");
  return json({ users: await listAssignableUsers(getDb()) });
});
