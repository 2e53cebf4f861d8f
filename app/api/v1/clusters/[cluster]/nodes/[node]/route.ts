import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getNodeDetail } from "@/lib/inventory/nodes";
import { entityName, RangeParams } from "@/lib/inventory/params";

type Ctx = { params: Promise<{ cluster: string; node: string }> };

export const GET = route<Ctx>(async (req, { params }) => {
  await requireUser("viewer");
  const raw = await params;
  const p = RangeParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await getNodeDetail(getDb(), entityName(raw.cluster), entityName(raw.node), p));
});
