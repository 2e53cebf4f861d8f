import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { revokeShareLink } from "@/lib/share/links";

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (_req, { params }) => {
  const user = await requireUser("analyst");
  await revokeShareLink(getDb(), user, (await params).id);
  return json({ revoked: true });
});
