import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { AlertBulk } from "@/lib/alerts/schemas";
import { bulkUpdateAlerts } from "@/lib/alerts/triage";

export const POST = route(async (req) => {
  const user = await requireUser("analyst");
  const input = AlertBulk.parse(await readJson(req));
  return json(await bulkUpdateAlerts(getDb(), user, input));
});
