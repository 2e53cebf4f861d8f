import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { AlertListParams } from "@/lib/alerts/schemas";
import { queryAlerts } from "@/lib/alerts/list";

export const GET = route(async (req) => {
  const user = await requireUser("viewer");
  const params = AlertListParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await queryAlerts(getDb(), user, params));
});
