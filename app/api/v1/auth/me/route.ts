import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const GET = route(async () => json({ user: await requireUser("viewer") }));
