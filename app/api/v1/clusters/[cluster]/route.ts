import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getClusterOverview } from "@/lib/inventory/clusters";
import { entityName, RangeParams } from "@/lib/inventory/params";

type Ctx = { params: Promise<{ cluster: string }> };

export const GET = route<Ctx>(async (req, { params }) => {
  await requireUser("viewer");
  const cluster = entityName((await params).cluster);
  const p = RangeParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await getClusterOverview(getDb(), cluster, p));
});
