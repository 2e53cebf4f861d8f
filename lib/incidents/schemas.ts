import { z } from "zod";
import { ALERT_SEVERITIES } from "@/lib/alerts/schemas";

export const INCIDENT_STATUSES = ["open", "investigating", "contained", "resolved"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

const title = z.string().trim().min(1, "a title is required").max(200);
const summary = z.string().max(20_000);
const entity = z.string().trim().min(1).max(253).nullish();

export const IncidentListParams = z.object({
  status: z.preprocess((v) => (v === "" || v === "all" ? undefined : v), z.enum(INCIDENT_STATUSES).optional()),
});

export const IncidentCreate = z
  .object({
    title,
    severity: z.enum(ALERT_SEVERITIES),
    alertIds: z.array(z.number().int().positive()).max(500).optional(),
    summary: summary.optional(),
    // set when a suggested grouping is accepted; otherwise inferred from the alerts
    cluster: entity,
    namespace: entity,
    workload: entity,
  })
  .strict();
export type IncidentCreate = z.infer<typeof IncidentCreate>;

export const IncidentPatch = z
  .object({
    title: title.optional(),
    severity: z.enum(ALERT_SEVERITIES).optional(),
    status: z.enum(INCIDENT_STATUSES).optional(),
    ownerId: z.union([z.literal("me"), z.string().uuid(), z.null()]).optional(),
    summary: summary.optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: "nothing to change" });
export type IncidentPatch = z.infer<typeof IncidentPatch>;

export const IncidentAlertsInput = z.object({ alertIds: z.array(z.number().int().positive()).min(1).max(500) }).strict();

const isoTime = z.string().trim().min(1).max(64);
export const EvidenceInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("event"), eventId: z.union([z.string().regex(/^\d{1,19}$/), z.number().int().nonnegative()]).transform(String), eventTs: isoTime }).strict(),
  z
    .object({
      kind: z.literal("search"),
      query: z.string().max(4000),
      from: isoTime,
      to: isoTime,
      savedSearchId: z.union([z.number().int().positive(), z.string().regex(/^\d{1,9}$/).transform(Number), z.null()]).optional(),
    })
    .strict(),
  z.object({ kind: z.literal("note"), body: z.string().max(20_000).refine((s) => s.trim().length > 0, "a note needs text") }).strict(),
]);
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const ShareCreate = z.object({ expiresInHours: z.number().int().min(1).max(720) }).strict();
