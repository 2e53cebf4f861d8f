/**
 * Tests a rule definition against one pasted record: a raw audit Event, a
 * Falco alert, a container/node log record, or an event copied from
 * Crowsnest. Says whether it matches, and which top-level clauses did not.
 */
import { HttpError } from "@/lib/http/errors";
import type { QueryNode } from "@/lib/search/query/ast";
import { compileMatcher, type MatchableEvent } from "@/lib/search/query/match";
import { parseQuery } from "@/lib/search/query/parse";
import { normalizeAuditEvent } from "@/lib/ingest/audit/normalize";
import { normalizeFalcoAlert } from "@/lib/ingest/falco/normalize";
import { normalizeLogRecord } from "@/lib/ingest/logs/normalize";
import type { NormalizedEvent } from "@/lib/events/types";
import type { RuleDefinition, RuleKind } from "./types";

export type ClauseResult = { clause: string; matched: boolean };
export type StepResult = { step: string; query: string; matched: boolean; clauses: ClauseResult[] };
export type TestEventResult = { matched: boolean; format: string; event: Record<string, unknown>; steps: StepResult[]; note?: string };

/** Prints a parsed query back as query text (for clause-by-clause explanations). */
export function printQuery(n: QueryNode): string {
  const q = (v: string) => (/[\s()"]/.test(v) || v === "" ? `"${v.replace(/["\\]/g, (c) => "\\" + c)}"` : v);
  switch (n.type) {
    case "all":
      return "*";
    case "and":
      return n.children.map((c) => (c.type === "or" ? `(${printQuery(c)})` : printQuery(c))).join(" AND ");
    case "or":
      return n.children.map(printQuery).join(" OR ");
    case "not":
      return `NOT ${n.child.type === "and" || n.child.type === "or" ? `(${printQuery(n.child)})` : printQuery(n.child)}`;
    case "exists":
      return `_exists_:${n.field}`;
    case "cmp":
      return `${n.field}${n.op}${n.value}`;
    case "regex":
      return `${n.field}:/${n.pattern}/${n.flags}`;
    case "term":
      return n.field === null ? (n.quoted ? `"${n.value}"` : n.value) : `${n.field}:${n.quoted ? q(n.value) : n.value}`;
  }
}

function normalizePasted(raw: unknown, cluster: string): { event: MatchableEvent; format: string } {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new HttpError(400, "paste one event: a JSON object");
  const o = raw as Record<string, unknown>;
  try {
    if (typeof o.layer === "string" && typeof o.message === "string") {
      // An event as Crowsnest shows it (the event drawer's JSON): the fields are already there.
      return { event: { ...o, attributes: (o.attributes as Record<string, unknown>) ?? {} }, format: "crowsnest event" };
    }
    if (o.kind === "Event" || "auditID" in o || ("verb" in o && "objectRef" in o) || "protoPayload" in o || ("category" in o && "properties" in o)) {
      return { event: normalizeAuditEvent(o, cluster), format: "Kubernetes audit event" };
    }
    if ("rule" in o && ("output" in o || "priority" in o)) return { event: normalizeFalcoAlert(o, cluster), format: "Falco alert" };
    return { event: normalizeLogRecord(o, cluster), format: "log record" };
  } catch (err) {
    throw new HttpError(400, `the pasted record could not be read: ${(err as Error).message}`);
  }
}

function explain(step: string, query: string, e: MatchableEvent): StepResult {
  const ast = parseQuery(query);
  const parts = ast.type === "and" ? ast.children : [ast];
  const clauses = parts.map((c) => ({ clause: printQuery(c), matched: compileMatcher(c)(e) }));
  return { step, query, matched: compileMatcher(ast)(e), clauses };
}

function visible(e: MatchableEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e as NormalizedEvent)) if (v !== null && v !== undefined && k !== "attributes") out[k] = v instanceof Date ? v.toISOString() : v;
  out.attributes = e.attributes;
  return out;
}

export function testRuleOnEvent(kind: RuleKind, definition: RuleDefinition, raw: unknown, cluster = "test"): TestEventResult {
  const { event, format } = normalizePasted(raw, cluster);
  const d = definition as { query?: string; first?: string; then?: string };
  if (kind === "silence") throw new HttpError(400, "a silence rule does not match events: it fires when a layer stops sending");
  const steps = kind === "sequence" ? [explain("first", d.first!, event), explain("then", d.then!, event)] : [explain("query", d.query!, event)];
  const note =
    kind === "threshold" ? "A threshold rule also needs enough such events in its window; this tests whether the event counts."
      : kind === "new-value" ? "A new-value rule also needs this combination of fields to be new; this tests whether the event is considered."
        : kind === "sequence" ? "A sequence needs one event for each step, on the same entity and within the time limit." : undefined;
  return { matched: steps.some((s) => s.matched), format, event: visible(event), steps, ...(note ? { note } : {}) };
}
