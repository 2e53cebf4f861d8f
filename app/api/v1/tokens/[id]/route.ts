import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { adminRevokeToken } from "@/lib/auth/admin";

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (_req, { params }) => {
  const actor = await requireUser("admin");
  await adminRevokeToken(getDb(), actor, (await params).id);
  return json({ revoked: true });
});
