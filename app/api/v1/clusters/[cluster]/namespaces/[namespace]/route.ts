import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getNamespaceDetail } from "@/lib/inventory/namespaces";
import { entityName, RangeParams } from "@/lib/inventory/params";

type Ctx = { params: Promise<{ cluster: string; namespace: string }> };

export const GET = route<Ctx>(async (req, { params }) => {
  await requireUser("viewer");
  const raw = await params;
  const p = RangeParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await getNamespaceDetail(getDb(), entityName(raw.cluster), entityName(raw.namespace), p));
});
