/** Rule kinds, severities and definitions. Client-safe (no server imports). */

export const RULE_KINDS = ["match", "threshold", "sequence", "new-value", "silence"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export const RULE_ORIGINS = ["builtin", "custom", "sigma"] as const;
export type RuleOrigin = (typeof RULE_ORIGINS)[number];

/** Every definition may name a title template: `{field}` is replaced by the event's value (query field names). */
type Common = { title?: string };

/** One event matches a query. Runs in memory on every ingested batch. */
export type MatchDefinition = Common & {
  query: string;
  /** fields whose values make two hits the same alert (query field names, attributes.* allowed) */
  groupBy?: string[];
  windowMinutes?: number;
  /** take the alert's severity from the event (Falco priority) instead of the rule */
  severityFromEvent?: boolean;
  /**
   * Rule ids this rule replaces on the same event: when both match, only this
   * one raises an alert, and it stands for the other's equivalents too.
   */
  supersedes?: string[];
  /** equivalent name → query narrowing when that equivalent applies (e.g. Falco's rule only on 2xx) */
  scopes?: Record<string, string>;
};

/** At least `threshold` matching events (or distinct values of `distinct`) per group in a fixed window. */
export type ThresholdDefinition = Common & {
  query: string;
  groupBy: string[];
  windowMinutes: number;
  threshold: number;
  distinct?: string;
  scopes?: Record<string, string>;
};

/** An event matching `first`, then one matching `then` on the same entity (`joinOn`) within `withinMinutes`. */
export type SequenceDefinition = Common & {
  first: string;
  then: string;
  joinOn: string[];
  withinMinutes: number;
  windowMinutes?: number;
};

/** The first time a combination of `fields` is seen among events matching `query` (after a learning baseline). */
export type NewValueDefinition = Common & {
  query: string;
  fields: string[];
  baselineHours?: number;
  windowMinutes?: number;
  scopes?: Record<string, string>;
};

/** A layer of a cluster that was sending events stops for `silentMinutes`. */
export type SilenceDefinition = Common & {
  layers?: string[];
  silentMinutes: number;
};

export type RuleDefinition = MatchDefinition | ThresholdDefinition | SequenceDefinition | NewValueDefinition | SilenceDefinition;

export type DefinitionOf<K extends RuleKind> = K extends "match"
  ? MatchDefinition
  : K extends "threshold"
    ? ThresholdDefinition
    : K extends "sequence"
      ? SequenceDefinition
      : K extends "new-value"
        ? NewValueDefinition
        : SilenceDefinition;

type SpecBase = {
  id: string;
  name: string;
  description: string;
  severity: RuleSeverity;
  mitre: string[];
  /** names of the matching rules elsewhere, "falco:Attach/Exec Pod", "sigma:…", "elastic:…", "panther:…" */
  equivalents: string[];
  remediation: string;
  references: string[];
  /** built-in rules that need tailoring before they are useful ship disabled */
  enabledByDefault?: boolean;
};

export type RuleSpec =
  | (SpecBase & { kind: "match"; definition: MatchDefinition })
  | (SpecBase & { kind: "threshold"; definition: ThresholdDefinition })
  | (SpecBase & { kind: "sequence"; definition: SequenceDefinition })
  | (SpecBase & { kind: "new-value"; definition: NewValueDefinition })
  | (SpecBase & { kind: "silence"; definition: SilenceDefinition });

export const DEFAULT_GROUP_BY = ["cluster", "namespace", "pod", "actor"];
export const DEFAULT_WINDOW_MINUTES = 60;

/** Falco's priority (our event severity scale) → alert severity. */
export function severityFromPriority(priority: string | null | undefined): RuleSeverity {
  switch (priority) {
    case "emergency":
    case "alert":
    case "critical":
      return "critical";
    case "error":
      return "high";
    case "warning":
      return "medium";
    default:
      return "low";
  }
}
