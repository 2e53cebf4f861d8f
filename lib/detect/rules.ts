import type { Db } from "@/lib/db";
import { BUILTIN_RULES } from "./builtin";
import { compileMatchRule, compileSuppression, type CompiledRule, type CompiledSuppression } from "./compile";

export type { CompiledRule } from "./compile";

/** Writes the built-in pack into the rules table (keeping each rule's enabled flag). */
export async function syncBuiltinRules(db: Db): Promise<void> {
  for (const r of BUILTIN_RULES) {
    const data = {
      name: r.name,
      description: r.description,
      severity: r.severity,
      kind: r.kind,
      definition: r.definition,
      mitre: r.mitre,
      equivalents: r.equivalents,
      remediation: r.remediation,
      references: r.references,
      builtin: true,
      origin: "builtin",
    };
    await db.prisma.rule.upsert({ where: { id: r.id }, create: { id: r.id, ...data, enabled: r.enabledByDefault ?? true }, update: data });
  }
  invalidateRuleCache();
}

export type RuleSet = {
  match: CompiledRule[];
  byId: Map<string, CompiledRule>;
  suppressions: CompiledSuppression[];
};

let cache: { at: number; version: string; set: RuleSet } | null = null;
// Suppressions expire with time alone: recompile at least this often even when nothing changed.
const CACHE_MS = 30_000;

/**
 * A fingerprint of the rules and suppressions tables, read once per batch.
 * Next.js may bundle this module once per route, so an in-process
 * invalidation from the rules API does not reach the ingest routes' copy;
 * comparing this cheap fingerprint does, in every process.
 */
async function rulesVersion(db: Db): Promise<string> {
  const { rows } = await db.pool.query<{ v: string }>(
    `SELECT (SELECT count(*)::text || '/' || coalesce(max(updated_at)::text, '') FROM rules) || '|' ||
            (SELECT count(*)::text || '/' || coalesce(max(greatest(created_at, coalesce(revoked_at, created_at)))::text, '') FROM suppressions) AS v`,
  );
  return rows[0].v;
}

/** Drops the compiled rules; the next batch compiles them again (called on every rule or suppression change). */
export function invalidateRuleCache(): void {
  cache = null;
}

/** Active suppressions (not revoked, not expired), compiled. */
export async function loadSuppressions(db: Db): Promise<CompiledSuppression[]> {
  const rows = await db.prisma.suppression.findMany({
    where: { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
    select: { id: true, ruleId: true, match: true },
  });
  const out: CompiledSuppression[] = [];
  for (const row of rows) {
    try {
      out.push(compileSuppression(row));
    } catch (err) {
      console.error(`[crowsnest] suppression ${row.id} does not compile: ${(err as Error).message}`);
    }
  }
  return out;
}

/**
 * Enabled match rules compiled to predicates with their suppressions;
 * cached briefly so ingest does not query per batch.
 */
export async function loadRuleSet(db: Db): Promise<RuleSet> {
  const version = await rulesVersion(db);
  if (cache && cache.version === version && Date.now() - cache.at < CACHE_MS) return cache.set;
  const [rows, suppressions] = await Promise.all([
    db.prisma.rule.findMany({ where: { enabled: true, kind: "match" }, orderBy: { id: "asc" } }),
    loadSuppressions(db),
  ]);
  const match: CompiledRule[] = [];
  for (const row of rows) {
    try {
      match.push(compileMatchRule(row, suppressions));
    } catch (err) {
      console.error(`[crowsnest] rule ${row.id} does not compile: ${(err as Error).message}`);
    }
  }
  const set: RuleSet = { match, byId: new Map(match.map((r) => [r.id, r])), suppressions };
  cache = { at: Date.now(), version, set };
  return set;
}

/** The enabled match rules (what the ingest pipeline runs on every batch). */
export async function loadMatchRules(db: Db): Promise<CompiledRule[]> {
  return (await loadRuleSet(db)).match;
}
