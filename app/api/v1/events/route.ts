import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { EventSearchParams } from "@/lib/search/schemas";
import { searchEvents } from "@/lib/search/events";

export const GET = route(async (req) => {
  await requireUser("viewer");
  const params = EventSearchParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await searchEvents(getDb(), params));
});
