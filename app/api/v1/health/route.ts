import { getDb } from "@/lib/db";
import { json } from "@/lib/http/errors";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await getDb().pool.query("SELECT 1");
    return json({ status: "ok" });
  } catch {
    return json({ status: "unavailable", error: "database unreachable" }, { status: 503, headers: { "retry-after": "5" } });
  }
}
