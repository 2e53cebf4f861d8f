import { z } from "zod";
import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { route } from "@/lib/http/route";
import { parseIncidentKey } from "@/lib/incidents/keys";
import { buildIncidentReport } from "@/lib/incidents/report";

const Params = z.object({ format: z.enum(["md", "json"]).default("md") });

/** A download; the export is in the audit trail before the file is sent. */
export const GET = route<{ params: Promise<{ key: string }> }>(async (req, { params }) => {
  const user = await requireUser("viewer");
  const id = parseIncidentKey((await params).key);
  const { format } = Params.parse(Object.fromEntries(req.nextUrl.searchParams));
  const report = await buildIncidentReport(getDb(), user, id, format);
  return new Response(report.body, {
    headers: {
      "content-type": report.contentType,
      "content-disposition": `attachment; filename="${report.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
