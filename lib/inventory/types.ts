/** What the entity APIs answer; shared by the server (lib/inventory) and the browser (lib/client/inventory). */
import type { Layer, StoredEvent } from "@/lib/events/types";
import type { Coverage } from "./coverage";

export type { Coverage, LayerCoverage, LayerStatus } from "./coverage";

/** The resolved time range of an answer (ISO). */
export type Range = { from: string; to: string };

export type AlertCounts = { low: number; medium: number; high: number; critical: number };

/** An alert as the entity pages list it (the alerts API has the full record). */
export type EntityAlert = {
  id: number; title: string; ruleName: string; severity: string; status: "open" | "acknowledged" | "resolved";
  cluster: string; namespace: string | null; pod: string | null; actor: string | null;
  firstSeen: string; lastSeen: string; count: number;
};

export type SparkPoint = { ts: string; events: number };
export type Sparkline = { intervalMs: number; points: SparkPoint[] };

export type ClusterSummary = {
  name: string;
  firstSeen: string;
  lastSeen: string;
  /** events in the range, and per minute on average */
  events: number;
  eventsPerMinute: number;
  sparkline: Sparkline;
  openAlerts: AlertCounts;
  coverage: Coverage;
};

/** Same shape as the timeline's histogram, so its chart can draw it. */
export type LayerHistogram = {
  from: string;
  to: string;
  intervalMs: number;
  buckets: { ts: string; total: number; byLayer: Partial<Record<Layer, number>> }[];
};

export type ActorActivity = { actor: string; actorType: string | null; events: number; denied: number };

export type TamperingKind = "events-deleted" | "agent-workload-changed" | "agent-config-changed";
export type TamperingSignal = { kind: TamperingKind; event: StoredEvent };

export type ClusterOverview = {
  range: Range;
  cluster: { name: string; firstSeen: string; lastSeen: string };
  counts: { nodes: number; namespaces: number; pods: number; containers: number };
  histogram: LayerHistogram;
  topActors: { byActivity: ActorActivity[]; byDenied: ActorActivity[]; bucketMinutes: number };
  /** the 50 most severe, then most recent, open alerts; counts are of all open ones */
  openAlerts: EntityAlert[];
  openAlertCounts: AlertCounts;
  highSeverity: StoredEvent[];
  tampering: TamperingSignal[];
  coverage: Coverage;
};

export type NodeRow = { name: string; firstSeen: string; lastSeen: string; pods: number };
export type NamespaceRow = { name: string; firstSeen: string; lastSeen: string; pods: number; workloads: number };
export type PodRow = {
  namespace: string; name: string; node: string | null; workload: string | null;
  firstSeen: string; lastSeen: string; containers: number;
};
export type ContainerRow = { name: string; image: string | null; containerId: string | null; firstSeen: string; lastSeen: string };

export type NodeDetail = {
  range: Range;
  node: { cluster: string; name: string; firstSeen: string; lastSeen: string };
  pods: PodRow[];
  nodeLogs: StoredEvent[];
  runtime: StoredEvent[];
  kubeEvents: StoredEvent[];
  alerts: EntityAlert[];
};

export type WorkloadRow = { name: string; pods: number; firstSeen: string; lastSeen: string };

export type NamespaceDetail = {
  range: Range;
  namespace: { cluster: string; name: string; firstSeen: string; lastSeen: string };
  workloads: WorkloadRow[];
  rbacChanges: StoredEvent[];
  secretAccess: StoredEvent[];
  alerts: EntityAlert[];
};

/** One step of a pod's life: a Kubernetes Event reason or an API action on it, first/last time seen in the range. */
export type LifecycleStep = {
  source: "k8s-event" | "audit";
  /** Kubernetes Event reason (Scheduled, Started, Killing …) or the API action (create, delete, create binding …) */
  step: string;
  container: string | null;
  first: string;
  last: string;
  count: number;
  /** who: the API actor, or the component that reported the Event */
  actor: string | null;
  message: string;
  warning: boolean;
};

export type ExecSession = {
  id: string;
  ts: string;
  actor: string | null;
  actorType: string | null;
  impersonated: string | null;
  subresource: string;
  container: string | null;
  command: string | null;
  code: number | null;
  sourceIp: string | null;
  userAgent: string | null;
};

export type PodDetail = {
  range: Range;
  pod: PodRow & { cluster: string };
  containers: ContainerRow[];
  lifecycle: LifecycleStep[];
  execs: ExecSession[];
  alerts: EntityAlert[];
};

export type TimelinePage = { events: StoredEvent[]; nextCursor: string | null };

export type CoverageSource = { layer: Layer; source: string; firstSeen: string; lastSeen: string; lastReceivedAt: string; events: number };

export type ClusterCoverage = {
  cluster: string;
  coverage: Coverage;
  sources: CoverageSource[];
  /** minutes per layer as set (defaults filled in) */
  thresholds: Record<Layer, number>;
};

export type CredentialKind = "serviceaccount-token" | "csr" | "csr-approval" | "token-secret";

export type CredentialEvent = {
  kind: CredentialKind;
  event: StoredEvent;
  /** who created it */
  creator: string | null;
  creatorType: string | null;
  /** kubelets and controllers mint tokens all day; flagged so the page can hide them */
  routine: boolean;
  /** the identity the credential authenticates as, when known */
  identity: string | null;
  /** extra facts: CSR signer, token audience/expiry, bound pod … */
  details: Record<string, string>;
  /** the identity's first and last API request after the credential was created (null: not seen acting) */
  seenActing: { first: string; last: string; requests: number } | null;
};
