/**
 * A Sigma rule (YAML, one or many documents) → a Crowsnest match rule, keeping
 * what the Detection Rule License requires: the author, the licence and the
 * references, plus the YAML as imported. Client-safe (js-yaml, no I/O).
 */
import yaml from "js-yaml";
import { parseDefinition, DefinitionError } from "../definition";
import type { MatchDefinition, RuleSeverity } from "../types";
import { convertDetection } from "./convert";
import { logsourceFilter, SigmaUnsupported, type Logsource } from "./fields";

export const SIGMA_LICENSE = "DRL-1.1";
export const DRL_URL = "https://github.com/SigmaHQ/Detection-Rule-License";

export type SigmaImport = {
  id: string;
  sigmaId: string | null;
  name: string;
  description: string;
  severity: RuleSeverity;
  definition: MatchDefinition;
  mitre: string[];
  equivalents: string[];
  remediation: string;
  references: string[];
  author: string | null;
  license: string;
  sourceText: string;
  notes: string[];
};

export type SigmaUnsupportedRule = { rule: string; reason: string };

const LEVELS: Record<string, RuleSeverity> = { informational: "low", low: "low", medium: "medium", high: "high", critical: "critical" };
const MAX_DOCS = 500;

function str(v: unknown): string | null {
  return typeof v === "string" && v.trim() ? v.trim() : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "").map((x) => x.trim()) : [];
}

/** attack.t1552.007 → T1552.007 */
export function mitreFromTags(tags: string[]): string[] {
  return [...new Set(tags.map((t) => /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(t)?.[1]?.toUpperCase()).filter((x): x is string => !!x))];
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 80) || "rule";
}

/** Converts one parsed Sigma document; throws SigmaUnsupported naming what is not supported. */
export function convertSigmaDoc(doc: unknown, sourceText: string): SigmaImport {
  if (!doc || typeof doc !== "object" || Array.isArray(doc)) throw new SigmaUnsupported("not a Sigma rule (expected a YAML map)");
  const r = doc as Record<string, unknown>;
  const title = str(r.title);
  if (!title) throw new SigmaUnsupported("the rule has no title");
  if (r.correlation !== undefined || r.action !== undefined) throw new SigmaUnsupported("correlation rules and rule collections (action:) are not supported");
  const ls = (r.logsource ?? {}) as Logsource;
  if (typeof ls !== "object") throw new SigmaUnsupported("logsource is not a map");
  const filter = logsourceFilter(ls);
  const { query: detection, warnings } = convertDetection(r.detection, ls);
  const query = filter ? `${filter} AND ${detection}` : detection;
  const sigmaId = str(r.id);
  const author = str(r.author);
  const license = str(r.license) ?? SIGMA_LICENSE;
  const definition: MatchDefinition = { query, groupBy: ["cluster", "namespace", "actor"], title: `${title}: {verb} {resource} {object_name} by {actor}` };
  try {
    parseDefinition("match", definition);
  } catch (err) {
    if (err instanceof DefinitionError) throw new SigmaUnsupported(`the converted query is not valid (${err.message}); query: ${query.slice(0, 300)}`);
    throw err;
  }
  const falsePositives = strings(r.falsepositives).filter((f) => f.toLowerCase() !== "unknown");
  const date = str(r.date); // CORE_SCHEMA keeps dates as text
  const attribution = `Sigma rule "${title}"${author ? ` by ${author}` : ""}${date ? ` (${date})` : ""}${sigmaId ? `, id ${sigmaId}` : ""}; licensed under the ${license}.`;
  return {
    id: `sigma.${sigmaId ?? slug(title)}`,
    sigmaId,
    name: title,
    description: `${str(r.description) ?? title}\n\n${attribution}`,
    severity: LEVELS[String(r.level ?? "").toLowerCase()] ?? "medium",
    definition,
    mitre: mitreFromTags(strings(r.tags)),
    equivalents: [`sigma:${title}`],
    remediation: falsePositives.length ? `Known false positives: ${falsePositives.join(" ")}` : "",
    references: [...strings(r.references), ...(license === SIGMA_LICENSE ? [DRL_URL] : [])],
    author,
    license,
    sourceText,
    notes: [...warnings, ...(String(r.status ?? "") === "experimental" ? ["Sigma status: experimental"] : [])],
  };
}

/** Splits a YAML text into Sigma documents and converts each; never throws for one bad rule. */
export function convertSigmaYaml(text: string): { rules: SigmaImport[]; unsupported: SigmaUnsupportedRule[] } {
  const rules: SigmaImport[] = [];
  const unsupported: SigmaUnsupportedRule[] = [];
  const chunks = text.split(/^---\s*$/m).filter((c) => c.trim());
  if (chunks.length > MAX_DOCS) return { rules, unsupported: [{ rule: "(upload)", reason: `more than ${MAX_DOCS} rules in one import` }] };
  chunks.forEach((chunk, i) => {
    let doc: unknown;
    try {
      doc = yaml.load(chunk, { schema: yaml.CORE_SCHEMA });
    } catch (err) {
      unsupported.push({ rule: `document ${i + 1}`, reason: `not valid YAML: ${(err as Error).message.split("\n")[0]}` });
      return;
    }
    const title = doc && typeof doc === "object" ? str((doc as Record<string, unknown>).title) : null;
    const name = title ?? `document ${i + 1}`;
    try {
      rules.push(convertSigmaDoc(doc, chunk.trim() + "\n"));
    } catch (err) {
      if (err instanceof SigmaUnsupported) unsupported.push({ rule: name, reason: err.message });
      else throw err;
    }
  });
  return { rules, unsupported };
}
