/**
 * Which rules of other engines an alert stands for on a given event: the
 * rule's own equivalents (each narrowed by its scope, e.g. Falco's
 * "K8s Secret Created" only outside kube-system), plus those of the rules it
 * superseded on that event. Used by the detection bench and alert context.
 */
import type { Matcher, MatchableEvent } from "@/lib/search/query/match";
import { compileQuery, compileScopes } from "./compile";
import type { RuleKind } from "./types";

export type EquivalentRule = {
  id: string;
  equivalents: string[];
  scopes: Map<string, Matcher>;
  supersedes: string[];
  /** the rule's event filter; null for rules without one (silence) */
  matches: Matcher | null;
};

export function toEquivalentRule(row: { id: string; kind: string; definition: unknown; equivalents: string[] }): EquivalentRule {
  const def = row.definition as { query?: string; first?: string; scopes?: Record<string, string>; supersedes?: string[] };
  const kind = row.kind as RuleKind;
  const q = kind === "sequence" ? def.first : def.query;
  return {
    id: row.id,
    equivalents: row.equivalents,
    scopes: compileScopes(def.scopes),
    supersedes: def.supersedes ?? [],
    matches: q ? compileQuery(q) : null,
  };
}

export function equivalentsFor(rule: EquivalentRule, e: MatchableEvent, byId: Map<string, EquivalentRule>, seen = new Set<string>()): string[] {
  seen.add(rule.id);
  const out = rule.equivalents.filter((name) => {
    const scope = rule.scopes.get(name);
    return !scope || scope(e);
  });
  for (const id of rule.supersedes) {
    const s = byId.get(id);
    if (!s || seen.has(id) || !s.matches?.(e)) continue;
    out.push(...equivalentsFor(s, e, byId, seen));
  }
  return [...new Set(out)];
}
