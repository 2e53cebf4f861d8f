import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { idParam, readJson, route } from "@/lib/http/route";
import { SavedSearchChange } from "@/lib/search/schemas";
import { deleteSavedSearch, updateSavedSearch } from "@/lib/search/saved";

type Ctx = { params: Promise<{ id: string }> };

// Owner or admin (checked in lib): a viewer edits only their own private searches.
export const PATCH = route<Ctx>(async (req, { params }) => {
  const user = await requireUser("viewer");
  const change = SavedSearchChange.parse(await readJson(req, 64 * 1024));
  return json({ search: await updateSavedSearch(getDb(), user, idParam((await params).id), change) });
});

export const DELETE = route<Ctx>(async (_req, { params }) => {
  const user = await requireUser("viewer");
  await deleteSavedSearch(getDb(), user, idParam((await params).id));
  return json({ deleted: true });
});
