import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { idParam, route } from "@/lib/http/route";
import { revokeSuppression } from "@/lib/alerts/suppress";

type Ctx = { params: Promise<{ id: string }> };

/** Revokes (ends) a suppression; it stays listed with what it held back. */
export const DELETE = route<Ctx>(async (_req, { params }) => {
  const user = await requireUser("analyst");
  return json({ suppression: await revokeSuppression(getDb(), user, idParam((await params).id)) });
});
