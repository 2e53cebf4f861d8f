import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { HttpError, json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { getEvent } from "@/lib/search/events";

export const GET = route<{ params: Promise<{ id: string }> }>(async (_req, { params }) => {
  await requireUser("viewer");
  const event = await getEvent(getDb(), (await params).id);
  if (!event) throw new HttpError(404, "event not found");
  return json({ event });
});
