import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { FacetsParams } from "@/lib/search/schemas";
import { facets } from "@/lib/search/facets";

export const GET = route(async (req) => {
  await requireUser("viewer");
  const params = FacetsParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await facets(getDb(), params));
});
