import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { NewSavedSearch } from "@/lib/search/schemas";
import { createSavedSearch, listSavedSearches } from "@/lib/search/saved";

export const GET = route(async () => {
  const user = await requireUser("viewer");
  return json({ searches: await listSavedSearches(getDb(), user) });
});

// Any signed-in user may save private searches; sharing needs analyst (checked in lib).
export const POST = route(async (req) => {
  const user = await requireUser("viewer");
  const input = NewSavedSearch.parse(await readJson(req, 64 * 1024));
  return json({ search: await createSavedSearch(getDb(), user, input) }, 201);
});
