import { z } from "zod";
import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { createSuppression, listSuppressions, SuppressionInput } from "@/lib/alerts/suppress";

const ListParams = z.object({ ruleId: z.string().max(200).optional(), active: z.enum(["true", "false"]).optional() });

export const GET = route(async (req) => {
  await requireUser("viewer");
  const p = ListParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json({ suppressions: await listSuppressions(getDb(), { ruleId: p.ruleId, activeOnly: p.active === "true" }) });
});

export const POST = route(async (req) => {
  const user = await requireUser("analyst");
  const input = SuppressionInput.parse(await readJson(req));
  return json({ suppression: await createSuppression(getDb(), user, input) }, 201);
});
