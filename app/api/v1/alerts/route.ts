import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { AlertListParams } from "@/lib/alerts/schemas";
import { listAlerts } from "@/lib/alerts/queries";

export const GET = route(async (req) => {
  await requireUser("viewer");
  const params = AlertListParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json({ alerts: await listAlerts(getDb(), params) });
});
