import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { listQuarantine, QuarantineParams } from "@/lib/ingest/admin";

export const GET = route(async (req) => {
  await requireUser("admin");
  const params = QuarantineParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await listQuarantine(getDb(), params));
});
