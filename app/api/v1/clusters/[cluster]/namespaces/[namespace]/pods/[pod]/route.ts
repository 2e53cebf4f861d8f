import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getPodDetail } from "@/lib/inventory/pods";
import { entityName, RangeParams } from "@/lib/inventory/params";

type Ctx = { params: Promise<{ cluster: string; namespace: string; pod: string }> };

export const GET = route<Ctx>(async (req, { params }) => {
  await requireUser("viewer");
  const raw = await params;
  const p = RangeParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  const key = { cluster: entityName(raw.cluster), namespace: entityName(raw.namespace), pod: entityName(raw.pod) };
  return json(await getPodDetail(getDb(), key, p));
});
