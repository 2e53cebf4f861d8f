import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { EvidenceInput } from "@/lib/incidents/schemas";
import { parseIncidentKey } from "@/lib/incidents/keys";
import { addEvidence } from "@/lib/incidents/evidence";

export const POST = route<{ params: Promise<{ key: string }> }>(async (req, { params }) => {
  const user = await requireUser("analyst");
  const id = parseIncidentKey((await params).key);
  const input = EvidenceInput.parse(await readJson(req));
  return json({ evidence: await addEvidence(getDb(), user, id, input) }, 201);
});
