import { HttpError } from "@/lib/http/errors";

/** A numeric id from a URL segment; anything else is a 404 (it names nothing), never a 500. */
export function intId(raw: string, what: string): number {
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647) throw new HttpError(404, `${what} not found`);
  return n;
}
