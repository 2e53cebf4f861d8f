import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { parseIncidentKey } from "@/lib/incidents/keys";
import { removeEvidence } from "@/lib/incidents/evidence";
import { intId } from "@/lib/alerts/ids";

export const DELETE = route<{ params: Promise<{ key: string; id: string }> }>(async (_req, { params }) => {
  const user = await requireUser("analyst");
  const p = await params;
  await removeEvidence(getDb(), user, parseIncidentKey(p.key), intId(p.id, "evidence"));
  return json({ removed: true });
});
