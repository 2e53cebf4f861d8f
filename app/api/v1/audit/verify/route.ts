import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { verifyChain } from "@/lib/audit/trail";

export const GET = route(async () => {
  await requireUser("admin");
  return json(await verifyChain(getDb().prisma));
});
