import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { TailParams } from "@/lib/search/schemas";
import { tailEvents } from "@/lib/search/tail";

export const GET = route(async (req) => {
  await requireUser("viewer");
  const params = TailParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await tailEvents(getDb(), params));
});
