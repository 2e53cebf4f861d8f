import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { HistogramStackParams } from "@/lib/search/schemas";
import { histogram } from "@/lib/search/events";

export const GET = route(async (req) => {
  await requireUser("viewer");
  const params = HistogramStackParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await histogram(getDb(), params));
});
