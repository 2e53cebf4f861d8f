import { getDb } from "@/lib/db";
import { requireUser } from "@/lib/auth/current";
import { json } from "@/lib/http/errors";
import { readJson, route } from "@/lib/http/route";
import { getClusterCoverage, setCoverageThresholds } from "@/lib/inventory/coverage-store";
import { CoveragePatch, entityName, RangeParams } from "@/lib/inventory/params";
import { tamperingSignals } from "@/lib/inventory/tampering";
import { timeRange } from "@/lib/search/events";

type Ctx = { params: Promise<{ cluster: string }> };

/** The cluster's coverage matrix, per-source last events, thresholds, and tampering signals in the range. */
export const GET = route<Ctx>(async (req, { params }) => {
  await requireUser("viewer");
  const cluster = entityName((await params).cluster);
  const p = RangeParams.parse(Object.fromEntries(req.nextUrl.searchParams));
  const { from, to } = timeRange(p.from, p.to);
  const db = getDb();
  const coverage = await getClusterCoverage(db, cluster);
  return json({ ...coverage, range: { from: from.toISOString(), to: to.toISOString() }, tampering: await tamperingSignals(db, cluster, from, to) });
});

/** Admins set how long each layer may be silent: {"thresholds":{"runtime":30}} (minutes). */
export const PATCH = route<Ctx>(async (req, { params }) => {
  const user = await requireUser("admin");
  const cluster = entityName((await params).cluster);
  const patch = CoveragePatch.parse(await readJson(req));
  return json(await setCoverageThresholds(getDb(), user, cluster, patch));
});
