/**
 * Validation of rule definitions, shared by the built-in pack (checked by its
 * tests), the rules API and the Sigma importer. Client-safe.
 */
import { z } from "zod";
import { QuerySyntaxError } from "@/lib/search/query/ast";
import { FIELDS, resolveField } from "@/lib/search/query/fields";
import { parseQuery } from "@/lib/search/query/parse";
import { RULE_KINDS, RULE_SEVERITIES, type RuleDefinition, type RuleKind } from "./types";

export class DefinitionError extends Error {
  constructor(
    message: string,
    /** where in the definition, e.g. "query" or "groupBy.1" */
    public path: string,
    public position?: number,
    public hint?: string,
  ) {
    super(message);
  }
}

const minutes = z.number().int().min(1).max(7 * 24 * 60);
const fieldName = z.string().trim().min(1).max(200);
const title = z.string().trim().max(300).optional();
const scopes = z.record(z.string().max(300), z.string().max(4096)).optional();

const SCHEMAS = {
  match: z.object({
    query: z.string().max(4096),
    groupBy: z.array(fieldName).max(8).optional(),
    windowMinutes: minutes.optional(),
    severityFromEvent: z.boolean().optional(),
    supersedes: z.array(z.string().max(200)).max(20).optional(),
    scopes,
    title,
  }).strict(),
  threshold: z.object({
    query: z.string().max(4096),
    groupBy: z.array(fieldName).min(1).max(6),
    windowMinutes: minutes,
    threshold: z.number().int().min(1).max(1_000_000),
    distinct: fieldName.optional(),
    scopes,
    title,
  }).strict(),
  sequence: z.object({
    first: z.string().max(4096),
    then: z.string().max(4096),
    joinOn: z.array(fieldName).min(1).max(6),
    withinMinutes: minutes,
    windowMinutes: minutes.optional(),
    title,
  }).strict(),
  "new-value": z.object({
    query: z.string().max(4096),
    fields: z.array(fieldName).min(1).max(6),
    baselineHours: z.number().int().min(0).max(168).optional(),
    windowMinutes: minutes.optional(),
    scopes,
    title,
  }).strict(),
  silence: z.object({
    layers: z.array(z.enum(["audit", "k8s-event", "container", "node", "runtime"])).min(1).optional(),
    silentMinutes: z.number().int().min(5).max(7 * 24 * 60),
    title,
  }).strict(),
} as const;

function checkQuery(q: string, path: string): void {
  if (!q.trim()) throw new DefinitionError("the query is empty: a rule that matches every event is almost certainly a mistake", path);
  try {
    parseQuery(q);
  } catch (err) {
    if (err instanceof QuerySyntaxError) throw new DefinitionError(err.message, path, err.position, err.hint);
    throw err;
  }
}

/** Fields a match rule may group by: any column or attribute path. */
function checkAnyField(name: string, path: string): void {
  if (!resolveField(name)) throw new DefinitionError(`unknown field '${name}'`, path, undefined, `fields: ${Object.keys(FIELDS).join(", ")}, attributes.<path>`);
}

/** Fields windowed rules aggregate on in SQL: columns that are keywords, numbers or addresses. */
export function checkColumnField(name: string, path: string): void {
  const f = resolveField(name);
  if (!f || f.kind !== "column" || !["keyword", "number", "inet"].includes(f.def.kind) || f.name === "id") {
    const ok = Object.entries(FIELDS).filter(([n, d]) => ["keyword", "number", "inet"].includes(d.kind) && n !== "id").map(([n]) => n);
    throw new DefinitionError(`'${name}' cannot be used here`, path, undefined, `windowed rules group on event columns: ${ok.join(", ")}`);
  }
}

/** Parses and checks a definition for a kind; throws DefinitionError naming the bad part. */
export function parseDefinition(kind: RuleKind, raw: unknown): RuleDefinition {
  const schema = SCHEMAS[kind];
  if (!schema) throw new DefinitionError(`unknown rule kind '${kind}'`, "kind", undefined, `kinds: ${RULE_KINDS.join(", ")}`);
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new DefinitionError(issue.message, issue.path.join("."));
  }
  const d = r.data;
  if ("query" in d) checkQuery(d.query, "query");
  if ("scopes" in d && d.scopes) for (const [name, q] of Object.entries(d.scopes)) checkQuery(q, `scopes.${name}`);
  switch (kind) {
    case "match": {
      const m = d as z.infer<(typeof SCHEMAS)["match"]>;
      m.groupBy?.forEach((f, i) => checkAnyField(f, `groupBy.${i}`));
      break;
    }
    case "threshold": {
      const t = d as z.infer<(typeof SCHEMAS)["threshold"]>;
      t.groupBy.forEach((f, i) => checkColumnField(f, `groupBy.${i}`));
      if (t.distinct) checkColumnField(t.distinct, "distinct");
      break;
    }
    case "sequence": {
      const s = d as z.infer<(typeof SCHEMAS)["sequence"]>;
      checkQuery(s.first, "first");
      checkQuery(s.then, "then");
      s.joinOn.forEach((f, i) => checkColumnField(f, `joinOn.${i}`));
      break;
    }
    case "new-value": {
      const n = d as z.infer<(typeof SCHEMAS)["new-value"]>;
      n.fields.forEach((f, i) => checkColumnField(f, `fields.${i}`));
      break;
    }
  }
  return d as RuleDefinition;
}

const ruleFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000),
  severity: z.enum(RULE_SEVERITIES),
  kind: z.enum(RULE_KINDS),
  definition: z.unknown(),
  mitre: z.array(z.string().trim().regex(/^T\d{4}(\.\d{3})?$/, "MITRE technique ids look like T1609 or T1552.007")).max(20),
  equivalents: z.array(z.string().trim().min(1).max(300)).max(30),
  remediation: z.string().trim().max(4000),
  references: z.array(z.string().trim().min(1).max(1000)).max(30),
  enabled: z.boolean(),
};

/** Rule fields the API accepts on create (definition checked separately by kind). */
export const RuleInput = z
  .object({
    ...ruleFields,
    description: ruleFields.description.default(""),
    mitre: ruleFields.mitre.default([]),
    equivalents: ruleFields.equivalents.default([]),
    remediation: ruleFields.remediation.default(""),
    references: ruleFields.references.default([]),
    enabled: ruleFields.enabled.default(false),
  })
  .strict();
export type RuleInput = z.infer<typeof RuleInput>;

/** A partial update: only the fields given change (no defaults). */
export const RulePatch = z.object(ruleFields).partial().strict();
export type RulePatch = z.infer<typeof RulePatch>;
