import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { listClusters } from "@/lib/inventory/clusters";
import { RangeParams } from "@/lib/inventory/params";

export const GET = route(async (req) => {
  await requireUser("viewer");
  const p = RangeParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await listClusters(getDb(), p));
});
