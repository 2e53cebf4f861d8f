import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { testTarget } from "@/lib/notify/targets";
import { intId } from "@/lib/alerts/ids";

export const POST = route<{ params: Promise<{ id: string }> }>(async (_req, { params }) => {
  const user = await requireUser("admin");
  return json(await testTarget(getDb(), user, intId((await params).id, "notification target")));
});
