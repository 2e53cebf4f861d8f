import { z } from "zod";

export const LAYERS = ["audit", "k8s-event", "container", "node", "runtime"] as const;
export type Layer = (typeof LAYERS)[number];

/** Falco's priority scale, which also covers syslog levels; lowest first. */
export const SEVERITIES = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * One record of any layer after normalization, before storage. Every shipper
 * format maps into this; fields it cannot fill stay null, the rest of the
 * record goes into `attributes`.
 */
export type NormalizedEvent = {
  ts: Date;
  /** the original timestamp text when it is more precise than a Date (microseconds) */
  tsText?: string;
  cluster: string;
  layer: Layer;
  /** the wire format it came in, e.g. "k8s-audit", "falco", "fluent-bit" */
  source: string;
  severity: Severity;
  node: string | null;
  namespace: string | null;
  pod: string | null;
  container: string | null;
  workload: string | null;
  actor: string | null;
  /** "user" | "serviceaccount" | "node" | "anonymous" | "system" */
  actorType: string | null;
  impersonated: string | null;
  verb: string | null;
  resource: string | null;
  subresource: string | null;
  objectName: string | null;
  code: number | null;
  sourceIp: string | null;
  message: string;
  attributes: Record<string, unknown>;
  /** container image, when known (kept on the container entity) */
  image?: string | null;
  /** container runtime id (short, 12 hex), when known: ties runtime alerts to pods */
  containerId?: string | null;
  /**
   * What makes two records the same for deduplication when the content alone
   * does not (e.g. Falcosidekick's uuid); by default the whole record is hashed.
   */
  dedupKey?: string;
  /** markers for analysts, e.g. "audit-id-reused" */
  flags?: string[];
};

/** Runtimes print ids as docker://<64 hex>, containerd://…, or 12-hex short ids; keep the short form. */
export function shortContainerId(id: unknown): string | null {
  if (typeof id !== "string") return null;
  const hex = id.replace(/^[a-z-]+:\/\//, "").toLowerCase();
  return /^[0-9a-f]{12,64}$/.test(hex) ? hex.slice(0, 12) : null;
}

/** The exact timestamp to store: microsecond text when the source had it. */
export function eventTime(e: NormalizedEvent): string {
  return e.tsText ?? e.ts.toISOString();
}

/** An event as stored and returned by the API. */
export const StoredEventSchema = z.object({
  id: z.string(),
  ts: z.string(),
  receivedAt: z.string(),
  cluster: z.string(),
  layer: z.enum(LAYERS),
  source: z.string(),
  severity: z.enum(SEVERITIES),
  node: z.string().nullable(),
  namespace: z.string().nullable(),
  pod: z.string().nullable(),
  container: z.string().nullable(),
  workload: z.string().nullable(),
  actor: z.string().nullable(),
  actorType: z.string().nullable(),
  impersonated: z.string().nullable(),
  verb: z.string().nullable(),
  resource: z.string().nullable(),
  subresource: z.string().nullable(),
  objectName: z.string().nullable(),
  code: z.number().nullable(),
  sourceIp: z.string().nullable(),
  message: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  flags: z.array(z.string()).default([]),
});
export type StoredEvent = z.infer<typeof StoredEventSchema>;

export function emptyEvent(partial: Partial<NormalizedEvent> & Pick<NormalizedEvent, "ts" | "cluster" | "layer" | "source" | "message">): NormalizedEvent {
  return {
    severity: "info",
    node: null,
    namespace: null,
    pod: null,
    container: null,
    workload: null,
    actor: null,
    actorType: null,
    impersonated: null,
    verb: null,
    resource: null,
    subresource: null,
    objectName: null,
    code: null,
    sourceIp: null,
    attributes: {},
    ...partial,
  };
}
