import { z } from "zod";

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatusName = (typeof ALERT_STATUSES)[number];

export const AlertListParams = z.object({
  status: z.enum([...ALERT_STATUSES, "all"]).default("all"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AlertPatch = z
  .object({
    status: z.enum(ALERT_STATUSES),
    reason: z.string().trim().max(2000).optional(),
  })
  .strict();
export type AlertPatch = z.infer<typeof AlertPatch>;

export type AlertDto = {
  id: number;
  ruleId: string;
  ruleName: string;
  title: string;
  severity: string;
  status: AlertStatusName;
  resolution: string | null;
  cluster: string;
  namespace: string | null;
  pod: string | null;
  actor: string | null;
  firstSeen: string;
  lastSeen: string;
  count: number;
  assignee: { id: string; email: string } | null;
};
