import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { ShareCreate } from "@/lib/incidents/schemas";
import { parseIncidentKey } from "@/lib/incidents/keys";
import { createShareLink, listShareLinks } from "@/lib/share/links";

type Ctx = { params: Promise<{ key: string }> };

/** Share links never list their tokens: a token is shown once, at creation. */
export const GET = route<Ctx>(async (_req, { params }) => {
  await requireUser("analyst");
  return json({ shares: await listShareLinks(getDb(), parseIncidentKey((await params).key)) });
});

export const POST = route<Ctx>(async (req, { params }) => {
  const user = await requireUser("analyst");
  const id = parseIncidentKey((await params).key);
  const { expiresInHours } = ShareCreate.parse(await readJson(req));
  return json(await createShareLink(getDb(), user, id, expiresInHours), 201);
});
