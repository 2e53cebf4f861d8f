import { z } from "zod";

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatusName = (typeof ALERT_STATUSES)[number];

export const RESOLUTION_REASONS = ["true_positive", "false_positive", "benign", "duplicate"] as const;
export type ResolutionReason = (typeof RESOLUTION_REASONS)[number];

export const ALERT_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type AlertSeverityName = (typeof ALERT_SEVERITIES)[number];

export const ALERT_SORTS = ["lastSeen", "firstSeen", "severity", "count"] as const;
export const ALERT_GROUP_BYS = ["rule", "cluster", "namespace", "entity"] as const;
export type AlertGroupBy = (typeof ALERT_GROUP_BYS)[number];

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().min(1).max(max).optional());
const severityList = z.preprocess(
  (v) => (typeof v === "string" && v !== "" ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined),
  z.array(z.enum(ALERT_SEVERITIES)).max(4).optional(),
);

/** Query string of GET /api/v1/alerts. Empty parameters mean "not set" (the UI sends them). */
export const AlertListParams = z.object({
  status: z.preprocess(blankToUndefined, z.enum([...ALERT_STATUSES, "all"]).default("all")),
  severity: severityList,
  rule: optionalText(200),
  cluster: optionalText(253),
  namespace: optionalText(253),
  assignee: z.preprocess(blankToUndefined, z.union([z.literal("me"), z.literal("none"), z.string().uuid()]).optional()),
  from: optionalText(64),
  to: optionalText(64),
  q: optionalText(200),
  sort: z.preprocess(blankToUndefined, z.enum(ALERT_SORTS).default("lastSeen")),
  order: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc")),
  groupBy: z.preprocess(blankToUndefined, z.enum(ALERT_GROUP_BYS).optional()),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(500).default(100)),
  cursor: optionalText(200),
});
export type AlertListParams = z.infer<typeof AlertListParams>;

/** "me" is the caller; null unassigns. */
const assigneeRef = z.union([z.literal("me"), z.string().uuid(), z.null()]);
const reasonText = z.string().trim().max(2000);

export const AlertPatch = z
  .object({
    status: z.enum(ALERT_STATUSES).optional(),
    reason: reasonText.optional(),
    resolutionReason: z.enum(RESOLUTION_REASONS).optional(),
    assigneeId: assigneeRef.optional(),
  })
  .strict()
  .refine((p) => p.status !== undefined || p.assigneeId !== undefined, { message: "nothing to change: give status or assigneeId" });
export type AlertPatch = z.infer<typeof AlertPatch>;

export const BULK_ACTIONS = ["acknowledge", "resolve", "reopen", "assign", "add-to-incident"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const AlertBulk = z
  .object({
    ids: z.array(z.number().int().positive()).min(1).max(500),
    action: z.enum(BULK_ACTIONS),
    resolutionReason: z.enum(RESOLUTION_REASONS).optional(),
    reason: reasonText.optional(),
    assigneeId: assigneeRef.optional(),
    incidentId: z.union([z.number().int().positive(), z.string().trim().regex(/^(INC-)?\d{1,9}$/i)]).optional(),
  })
  .strict();
export type AlertBulk = z.infer<typeof AlertBulk>;

export const NOTE_MAX_CHARS = 20_000;
export const NoteInput = z.object({ body: z.string().max(NOTE_MAX_CHARS, `at most ${NOTE_MAX_CHARS} characters`).refine((s) => s.trim().length > 0, "a note needs text") }).strict();

export type UserRef = { id: string; email: string };

export type AlertDto = {
  id: number;
  ruleId: string;
  ruleName: string;
  title: string;
  severity: string;
  status: AlertStatusName;
  resolution: string | null;
  resolutionReason: ResolutionReason | null;
  cluster: string;
  namespace: string | null;
  pod: string | null;
  actor: string | null;
  firstSeen: string;
  lastSeen: string;
  count: number;
  assignee: UserRef | null;
  incident: { id: number; key: string } | null;
  rule: { id: string; name: string; equivalents: string[] };
};

export type AlertNoteDto = { id: string; author: UserRef | null; body: string; createdAt: string };
