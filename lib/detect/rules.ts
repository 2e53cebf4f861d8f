import type { Db } from "@/lib/db";
import { parseQuery } from "@/lib/search/query/parse";
import { compileMatcher, type Matcher } from "@/lib/search/query/match";
import { BUILTIN_RULES } from "./builtin";

export type RuleDefinition = { query: string; groupBy?: string[]; windowMinutes?: number };

export type CompiledRule = {
  id: string;
  name: string;
  severity: string;
  groupBy: string[];
  windowMs: number;
  matches: Matcher;
};

const DEFAULT_GROUP = ["cluster", "namespace", "pod", "actor"];
const DEFAULT_WINDOW_MIN = 60;

/** Writes the built-in pack into the rules table (keeping each rule's enabled flag). */
export async function syncBuiltinRules(db: Db): Promise<void> {
  for (const r of BUILTIN_RULES) {
    const data = {
      name: r.name,
      description: r.description,
      severity: r.severity,
      kind: "match",
      definition: { query: r.query, groupBy: r.groupBy },
      mitre: r.mitre,
      equivalents: r.equivalents,
      remediation: r.remediation,
      references: r.references,
      builtin: true,
    };
    await db.prisma.rule.upsert({ where: { id: r.id }, create: { id: r.id, ...data }, update: data });
  }
  invalidateRuleCache();
}

let cache: { at: number; rules: CompiledRule[] } | null = null;
const CACHE_MS = 5_000;

export function invalidateRuleCache(): void {
  cache = null;
}

/** Enabled match rules compiled to predicates; cached briefly so ingest does not query per batch. */
export async function loadMatchRules(db: Db): Promise<CompiledRule[]> {
  if (cache && Date.now() - cache.at < CACHE_MS) return cache.rules;
  const rows = await db.prisma.rule.findMany({ where: { enabled: true, kind: "match" } });
  const rules: CompiledRule[] = [];
  for (const row of rows) {
    const def = row.definition as RuleDefinition;
    try {
      rules.push({
        id: row.id,
        name: row.name,
        severity: row.severity,
        groupBy: def.groupBy ?? DEFAULT_GROUP,
        windowMs: (def.windowMinutes ?? DEFAULT_WINDOW_MIN) * 60_000,
        matches: compileMatcher(parseQuery(def.query)),
      });
    } catch (err) {
      console.error(`[crowsnest] rule ${row.id} does not compile: ${(err as Error).message}`);
    }
  }
  cache = { at: Date.now(), rules };
  return rules;
}
