/** Rules as the API and the Rules screens see them: list with hit counts, create, edit, enable, delete. */
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { HttpError } from "@/lib/http/errors";
import { DefinitionError, parseDefinition, RuleInput, RulePatch } from "./definition";
import { invalidateRuleCache } from "./rules";
import { clearRuleState, ERRORS_KEY, type RuleErrors } from "./windowed/state";
import type { RuleDefinition, RuleKind, RuleOrigin, RuleSeverity } from "./types";

export type RuleHits = { alerts24h: number; events24h: number; alertsTotal: number; lastHitAt: string | null };

export type RuleDto = {
  id: string;
  name: string;
  description: string;
  severity: RuleSeverity;
  kind: RuleKind;
  definition: RuleDefinition;
  mitre: string[];
  equivalents: string[];
  remediation: string;
  references: string[];
  builtin: boolean;
  origin: RuleOrigin;
  author: string | null;
  license: string | null;
  notes: string[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  hits: RuleHits;
  suppressed: { count: number; lastAt: string | null; active: number };
  /** The windowed-rule loop's last error for this rule, while it keeps failing. */
  lastError: { message: string; since: string; at: string } | null;
};

export type RuleDetailDto = RuleDto & { sourceText: string | null };

type Row = Awaited<ReturnType<Db["prisma"]["rule"]["findFirstOrThrow"]>>;

function toDto(r: Row, hits?: RuleHits, suppressed?: RuleDto["suppressed"], errors?: RuleErrors | null): RuleDto {
  return {
    id: r.id, name: r.name, description: r.description, severity: r.severity as RuleSeverity, kind: r.kind as RuleKind,
    definition: r.definition as RuleDefinition, mitre: r.mitre, equivalents: r.equivalents, remediation: r.remediation, references: r.references,
    builtin: r.builtin, origin: r.origin as RuleOrigin, author: r.author, license: r.license, notes: r.notes ?? [], enabled: r.enabled,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    hits: hits ?? { alerts24h: 0, events24h: 0, alertsTotal: 0, lastHitAt: null },
    suppressed: suppressed ?? { count: 0, lastAt: null, active: 0 },
    lastError: errors?.[r.id] ?? null,
  };
}

async function loopErrors(db: Db): Promise<RuleErrors | null> {
  const row = await db.prisma.detectionState.findUnique({ where: { key: ERRORS_KEY } });
  return (row?.value as RuleErrors | undefined) ?? null;
}

async function hitCounts(db: Db, ruleId?: string): Promise<{ hits: Map<string, RuleHits>; suppressed: Map<string, RuleDto["suppressed"]> }> {
  const { rows } = await db.pool.query<{ rule_id: string; alerts24h: number; events24h: string; total: number; last: Date | null }>(
    `SELECT rule_id, count(*) FILTER (WHERE last_seen >= now() - interval '24 hours')::int AS alerts24h,
            coalesce(sum(count) FILTER (WHERE last_seen >= now() - interval '24 hours'), 0)::bigint::text AS events24h,
            count(*)::int AS total, max(last_seen) AS last
     FROM alerts WHERE ($1::text IS NULL OR rule_id = $1) GROUP BY rule_id`,
    [ruleId ?? null],
  );
  const { rows: sup } = await db.pool.query<{ rule_id: string; n: string; last: Date | null; active: number }>(
    `SELECT r.id AS rule_id, coalesce((SELECT sum(count) FROM suppressed_matches m WHERE m.rule_id = r.id), 0)::bigint::text AS n,
            (SELECT max(last_seen) FROM suppressed_matches m WHERE m.rule_id = r.id) AS last,
            (SELECT count(*) FROM suppressions s WHERE (s.rule_id = r.id OR s.rule_id IS NULL) AND s.revoked_at IS NULL AND (s.expires_at IS NULL OR s.expires_at > now()))::int AS active
     FROM rules r WHERE ($1::text IS NULL OR r.id = $1)`,
    [ruleId ?? null],
  );
  return {
    hits: new Map(rows.map((r) => [r.rule_id, { alerts24h: r.alerts24h, events24h: Number(r.events24h), alertsTotal: r.total, lastHitAt: r.last?.toISOString() ?? null }])),
    suppressed: new Map(sup.map((s) => [s.rule_id, { count: Number(s.n), lastAt: s.last?.toISOString() ?? null, active: s.active }])),
  };
}

export async function listRules(db: Db): Promise<RuleDto[]> {
  const rows = await db.prisma.rule.findMany({ orderBy: [{ builtin: "desc" }, { name: "asc" }] });
  const [{ hits, suppressed }, errors] = await Promise.all([hitCounts(db), loopErrors(db)]);
  return rows.map((r) => toDto(r, hits.get(r.id), suppressed.get(r.id), errors));
}

export async function getRule(db: Db, id: string): Promise<RuleDetailDto | null> {
  const r = await db.prisma.rule.findUnique({ where: { id } });
  if (!r) return null;
  const [{ hits, suppressed }, errors] = await Promise.all([hitCounts(db, id), loopErrors(db)]);
  return { ...toDto(r, hits.get(id), suppressed.get(id), errors), sourceText: r.sourceText };
}

/** A definition error as a 400 that names the part of the definition. */
export function checkedDefinition(kind: RuleKind, raw: unknown): RuleDefinition {
  try {
    return parseDefinition(kind, raw);
  } catch (err) {
    if (err instanceof DefinitionError) {
      throw new HttpError(400, `definition${err.path ? "." + err.path : ""}: ${err.message}`, undefined, undefined, { path: err.path, position: err.position, hint: err.hint });
    }
    throw err;
  }
}

function newId(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "rule";
  return `custom.${slug}-${randomBytes(3).toString("hex")}`;
}

export async function createRule(db: Db, user: SessionUser, raw: unknown): Promise<RuleDetailDto> {
  const input = RuleInput.parse(raw);
  const definition = checkedDefinition(input.kind, input.definition);
  const id = newId(input.name);
  await db.prisma.$transaction(async (tx) => {
    await tx.rule.create({
      data: {
        id, name: input.name, description: input.description, severity: input.severity, kind: input.kind, definition, mitre: input.mitre,
        equivalents: input.equivalents, remediation: input.remediation, references: input.references, enabled: input.enabled, builtin: false, origin: "custom",
      },
    });
    await appendAudit(tx, { userId: user.id, action: "rule.create", target: `rule:${id}`, details: { name: input.name, kind: input.kind, enabled: input.enabled } });
  });
  invalidateRuleCache();
  return (await getRule(db, id))!;
}

/** Partial update. Built-in rules are read-only except for `enabled` (duplicate one to change it). */
export async function updateRule(db: Db, user: SessionUser, id: string, raw: unknown): Promise<RuleDetailDto> {
  const patch = RulePatch.parse(raw);
  const current = await db.prisma.rule.findUnique({ where: { id } });
  if (!current) throw new HttpError(404, "rule not found");
  const changed = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
  if (current.builtin && changed.some((k) => k !== "enabled")) {
    throw new HttpError(400, "built-in rules can only be enabled or disabled; duplicate the rule to change it");
  }
  const kind = (patch.kind ?? current.kind) as RuleKind;
  const definition = patch.definition !== undefined || patch.kind !== undefined ? checkedDefinition(kind, patch.definition ?? current.definition) : undefined;
  const logicChanged = definition !== undefined && JSON.stringify(definition) !== JSON.stringify(current.definition);
  await db.prisma.$transaction(async (tx) => {
    await tx.rule.update({
      where: { id },
      data: {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: patch.description } : {}),
        ...(patch.severity !== undefined ? { severity: patch.severity } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(definition !== undefined ? { definition } : {}),
        ...(patch.mitre !== undefined ? { mitre: patch.mitre } : {}),
        ...(patch.equivalents !== undefined ? { equivalents: patch.equivalents } : {}),
        ...(patch.remediation !== undefined ? { remediation: patch.remediation } : {}),
        ...(patch.references !== undefined ? { references: patch.references } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
      },
    });
    const action = changed.length === 1 && changed[0] === "enabled" ? (patch.enabled ? "rule.enable" : "rule.disable") : "rule.update";
    await appendAudit(tx, { userId: user.id, action, target: `rule:${id}`, details: { fields: changed } });
  });
  if (logicChanged) {
    // Old windows and learned values belong to the old definition.
    const client = await db.pool.connect();
    try {
      await clearRuleState(client, id);
    } finally {
      client.release();
    }
  }
  invalidateRuleCache();
  return (await getRule(db, id))!;
}

/** Deletes a custom or imported rule that never raised an alert (alerts keep their rule); otherwise disable it. */
export async function deleteRule(db: Db, user: SessionUser, id: string): Promise<void> {
  const current = await db.prisma.rule.findUnique({ where: { id } });
  if (!current) throw new HttpError(404, "rule not found");
  if (current.builtin) throw new HttpError(400, "built-in rules cannot be deleted; disable it instead");
  if (await db.prisma.alert.count({ where: { ruleId: id } })) throw new HttpError(409, "the rule has alerts; disable it instead of deleting it");
  await db.prisma.$transaction(async (tx) => {
    await tx.rule.delete({ where: { id } });
    await appendAudit(tx, { userId: user.id, action: "rule.delete", target: `rule:${id}`, details: { name: current.name } });
  });
  invalidateRuleCache();
}
