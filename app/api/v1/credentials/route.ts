import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { listCredentials } from "@/lib/inventory/credentials";
import { CredentialParams } from "@/lib/inventory/params";

/** Credentials created through the API: ?cluster=&from=&to= */
export const GET = route(async (req) => {
  await requireUser("viewer");
  const p = CredentialParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  return json(await listCredentials(getDb(), p));
});
