import { z } from "zod";
import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { listAuditEntries } from "@/lib/audit/query";

const Params = z.object({
  before: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^\d{1,19}$/).optional()),
  limit: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(500).default(100)),
  action: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(100).optional()),
});

export const GET = route(async (req) => {
  await requireUser("admin");
  const params = Params.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await listAuditEntries(getDb(), params));
});
