import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { ContextParams } from "@/lib/search/schemas";
import { eventContext } from "@/lib/search/context";

export const GET = route<{ params: Promise<{ id: string }> }>(async (req, { params }) => {
  await requireUser("viewer");
  const p = ContextParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await eventContext(getDb(), (await params).id, p));
});
