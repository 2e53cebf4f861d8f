import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { fieldCatalog } from "@/lib/search/fields-catalog";

export const GET = route(async () => {
  await requireUser("viewer");
  return json(fieldCatalog());
});
