/** Match rules and suppressions compiled once per rule set into in-memory predicates. */
import { compileMatcher, type Matcher } from "@/lib/search/query/match";
import { parseQuery } from "@/lib/search/query/parse";
import { compileSuppressionMatch, type SuppressionMatch } from "@/lib/alerts/suppress-match";
import { DEFAULT_GROUP_BY, DEFAULT_WINDOW_MINUTES, type MatchDefinition, type RuleSeverity } from "./types";

export type CompiledSuppression = { id: number; ruleId: string | null; test: Matcher };

export type CompiledRule = {
  id: string;
  name: string;
  severity: RuleSeverity;
  severityFromEvent: boolean;
  /** query field names (columns or attributes.* paths) */
  groupBy: string[];
  windowMs: number;
  matches: Matcher;
  title?: string;
  /** rule ids this rule replaces when both match one event */
  supersedes: string[];
  equivalents: string[];
  /** equivalent name → when it applies (absent: always) */
  scopes: Map<string, Matcher>;
  /** active suppressions of this rule and of every rule */
  suppressions: CompiledSuppression[];
};

export type RuleRowLike = { id: string; name: string; severity: string; definition: unknown; equivalents: string[] };

export function compileQuery(q: string): Matcher {
  return compileMatcher(parseQuery(q));
}

export function compileScopes(scopes: Record<string, string> | undefined): Map<string, Matcher> {
  return new Map(Object.entries(scopes ?? {}).map(([name, q]) => [name, compileQuery(q)]));
}

export function compileMatchRule(row: RuleRowLike, suppressions: CompiledSuppression[] = []): CompiledRule {
  const def = row.definition as MatchDefinition;
  return {
    id: row.id,
    name: row.name,
    severity: row.severity as RuleSeverity,
    severityFromEvent: def.severityFromEvent === true,
    groupBy: def.groupBy?.length ? def.groupBy : DEFAULT_GROUP_BY,
    windowMs: (def.windowMinutes ?? DEFAULT_WINDOW_MINUTES) * 60_000,
    matches: compileQuery(def.query),
    title: def.title,
    supersedes: def.supersedes ?? [],
    equivalents: row.equivalents,
    scopes: compileScopes(def.scopes),
    suppressions: suppressions.filter((s) => s.ruleId === null || s.ruleId === row.id),
  };
}

export function compileSuppression(row: { id: number; ruleId: string | null; match: unknown }): CompiledSuppression {
  return { id: row.id, ruleId: row.ruleId, test: compileSuppressionMatch(row.match as SuppressionMatch) };
}
