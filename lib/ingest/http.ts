import "server-only";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { checkIngestToken } from "@/lib/auth/tokens";
import { HttpError, json } from "@/lib/http/errors";
import { readBytesCapped } from "@/lib/http/body";
import { ingestEvents } from "./pipeline";
import { takeRateToken, withIngestSlot } from "./limits";
import type { BodyNormalizer, NormalizeResult } from "./types";

const JSON_TYPES = /^(application\/(json|x-ndjson|ndjson|jsonl|x-jsonlines|json-seq)|text\/plain)$/;
const MAX_REPORTED_ERRORS = 100;

/**
 * The shared shape of every ingest endpoint: token → content type → capped
 * body → normalize (bad records reported, good ones kept) → one committed
 * batch → counts. Errors map to the statuses shippers retry on.
 */
export async function handleIngest(req: NextRequest, source: string, normalize: BodyNormalizer): Promise<Response> {
  const db = getDb();
  const auth = await checkIngestToken(db, req.headers.get("authorization"));
  if (!auth.ok) throw new HttpError(auth.status, auth.error, undefined, auth.status === 401 ? { "www-authenticate": 'Bearer realm="crowsnest-ingest"' } : undefined);
  const type = (req.headers.get("content-type") ?? "application/json").split(";")[0].trim().toLowerCase();
  if (!JSON_TYPES.test(type)) throw new HttpError(415, `unsupported content type '${type}'; send application/json or application/x-ndjson`);
  takeRateToken(auth.scope.tokenId);
  const declared = Number(req.headers.get("content-length")) || 0;
  const { result, stored } = await withIngestSlot(declared, async () => {
    const body = await readBytesCapped(req);
    let result: NormalizeResult;
    try {
      result = normalize(body, { cluster: auth.scope.cluster, contentType: type });
    } catch (err) {
      throw new HttpError(400, `body could not be decoded: ${(err as Error).message}`);
    }
    const stored = await ingestEvents(db, result.events, { tokenId: auth.scope.tokenId, source, cluster: auth.scope.cluster, rejected: result.rejected });
    return { result, stored };
  });
  return json({
    accepted: stored.accepted,
    duplicates: stored.duplicates,
    rejected: result.rejected.length,
    ...(result.rejected.length
      ? { errors: result.rejected.slice(0, MAX_REPORTED_ERRORS).map((r) => ({ index: r.index, reason: r.reason })) }
      : {}),
  });
}
