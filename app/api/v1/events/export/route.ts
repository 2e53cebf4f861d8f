import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { appendAudit } from "@/lib/audit/trail";
import { route } from "@/lib/http/route";
import { ExportParams } from "@/lib/search/schemas";
import { exportStream, prepareExport } from "@/lib/search/export";

export const GET = route(async (req) => {
  const user = await requireUser("viewer");
  const params = ExportParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  const x = prepareExport(params);
  const db = getDb();
  // Who took which events out of the console is recorded before the first byte leaves.
  await db.prisma.$transaction((tx) =>
    appendAudit(tx, {
      userId: user.id,
      action: "events.export",
      target: x.filename,
      details: { q: params.q, from: x.from.toISOString(), to: x.to.toISOString(), format: params.format, limit: params.limit },
    }),
  );
  return new Response(exportStream(db, x), {
    headers: {
      "content-type": x.contentType,
      "content-disposition": `attachment; filename="${x.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
