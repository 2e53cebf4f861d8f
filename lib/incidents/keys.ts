import { HttpError } from "@/lib/http/errors";

/** The stable, human key of an incident: INC-42. */
export function incidentKey(id: number): string {
  return `INC-${id}`;
}

/** Accepts "INC-42", "inc-42" or "42"; anything else is not an incident (404, not 400: keys come from URLs). */
export function parseIncidentKey(key: string | number): number {
  const m = String(key).trim().match(/^(?:INC-)?(\d{1,9})$/i);
  const id = m ? Number(m[1]) : NaN;
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw new HttpError(404, "incident not found");
  return id;
}
