import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { NoteInput } from "@/lib/alerts/schemas";
import { addAlertNote } from "@/lib/alerts/notes";
import { intId } from "@/lib/alerts/ids";

export const POST = route<{ params: Promise<{ id: string }> }>(async (req, { params }) => {
  const user = await requireUser("analyst");
  const id = intId((await params).id, "alert");
  const { body } = NoteInput.parse(await readJson(req));
  return json({ note: await addAlertNote(getDb(), user, id, body) }, 201);
});
