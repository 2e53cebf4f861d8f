/** Suppression conditions: field → allowed values, compiled to a predicate. Client-safe. */
import { z } from "zod";
import { resolveField } from "@/lib/search/query/fields";
import type { MatchableEvent } from "@/lib/search/query/match";
import { fieldValues } from "@/lib/detect/template";

/** Every field must have one of its values; `*` in a value is a wildcard. */
export type SuppressionMatch = Record<string, string[]>;

export const SuppressionMatchSchema = z
  .record(z.string().trim().min(1).max(200), z.array(z.string().max(1000)).min(1).max(100))
  .refine((m) => Object.keys(m).length > 0, "name at least one field")
  .refine((m) => Object.keys(m).length <= 10, "at most 10 fields")
  .superRefine((m, ctx) => {
    const unknown = Object.keys(m).filter((f) => !resolveField(f));
    if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown field: ${unknown.join(", ")} (use event fields such as actor, namespace, source_ip, or attributes.<path>)` });
  });

function valueTest(v: string): (x: string) => boolean {
  if (!v.includes("*")) return (x) => x === v;
  const re = new RegExp("^" + v.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*") + "$");
  return (x) => re.test(x);
}

export function compileSuppressionMatch(m: SuppressionMatch): (e: MatchableEvent) => boolean {
  const parts = Object.entries(m).map(([field, values]) => {
    const tests = values.map(valueTest);
    return (e: MatchableEvent) => fieldValues(e, field).some((x) => tests.some((t) => t(x)));
  });
  return (e) => parts.every((p) => p(e));
}

/** "actor = aksService, namespace = kube-system or default" */
export function describeSuppressionMatch(m: SuppressionMatch): string {
  return Object.entries(m).map(([f, vs]) => `${f} = ${vs.join(" or ")}`).join(", ");
}
