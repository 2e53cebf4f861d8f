import type { RoleName } from "@/lib/auth/roles";
import type { Layer, StoredEvent } from "@/lib/events/types";

export type { StoredEvent, Layer, Severity } from "@/lib/events/types";
export type { RoleName, SessionUser } from "@/lib/auth/roles";

export type EventsPage = { events: StoredEvent[]; nextCursor: string | null };

export type HistogramBucket = { ts: string; total: number; byLayer: Partial<Record<Layer, number>> };
export type Histogram = { from: string; to: string; intervalMs: number; buckets: HistogramBucket[] };

/** The 400 body of a query syntax error. */
export type QueryErrorBody = { error: string; position?: number; hint?: string };

export const ALERT_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export type UserRef = { id: string; email: string };

export type AlertDto = {
  id: number;
  ruleId: string;
  ruleName: string;
  title: string;
  severity: AlertSeverity;
  status: AlertStatus;
  resolution: string | null;
  cluster: string | null;
  namespace: string | null;
  pod: string | null;
  actor: string | null;
  firstSeen: string;
  lastSeen: string;
  count: number;
  assignee: UserRef | null;
};

export type AlertRule = {
  id: string;
  name: string;
  description: string;
  severity: AlertSeverity;
  mitre: string[];
  equivalents: string[];
  remediation: string;
  references: string[];
};

export type AlertHistoryEntry = {
  id: string;
  at: string;
  user: UserRef | null;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
};

export type AlertDetail = {
  alert: AlertDto & { rule: AlertRule };
  events: StoredEvent[];
  history: AlertHistoryEntry[];
};

export type UserDto = {
  id: string;
  email: string;
  name: string | null;
  role: RoleName;
  disabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
};

export type TokenDto = {
  id: string;
  name: string | null;
  cluster: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  accepted: number;
  duplicates: number;
  rejected: number;
};

export type CreatedToken = { token: string; id: string; cluster: string; name: string | null; prefix: string };
