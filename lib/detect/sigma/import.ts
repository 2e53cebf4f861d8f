/** Sigma import into the rules table: new rules are created, rules imported before (same Sigma id) updated. */
import type { Db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { appendAudit } from "@/lib/audit/trail";
import { invalidateRuleCache } from "../rules";
import { convertSigmaYaml, type SigmaUnsupportedRule } from "./rule";

export type SigmaImportResult = {
  imported: { id: string; name: string; created: boolean; enabled: boolean; query: string; notes: string[]; author: string | null; license: string }[];
  unsupported: SigmaUnsupportedRule[];
};

export async function importSigma(db: Db, user: SessionUser | null, yamlText: string, opts: { enable?: boolean } = {}): Promise<SigmaImportResult> {
  const { rules, unsupported } = convertSigmaYaml(yamlText);
  const result: SigmaImportResult = { imported: [], unsupported: [...unsupported] };
  const enable = opts.enable ?? true;
  for (const r of rules) {
    const existing = await db.prisma.rule.findUnique({ where: { id: r.id }, select: { origin: true, enabled: true } });
    if (existing && existing.origin !== "sigma") {
      result.unsupported.push({ rule: r.name, reason: `a ${existing.origin} rule already has the id ${r.id}` });
      continue;
    }
    const data = {
      name: r.name, description: r.description, severity: r.severity, kind: "match", definition: r.definition, mitre: r.mitre,
      equivalents: r.equivalents, remediation: r.remediation, references: r.references, builtin: false, origin: "sigma",
      author: r.author, license: r.license, sourceText: r.sourceText, notes: r.notes,
    };
    await db.prisma.$transaction(async (tx) => {
      if (existing) await tx.rule.update({ where: { id: r.id }, data });
      else await tx.rule.create({ data: { id: r.id, ...data, enabled: enable } });
      await appendAudit(tx, { userId: user?.id ?? null, action: "rule.import", target: `rule:${r.id}`, details: { name: r.name, source: "sigma", author: r.author, license: r.license, updated: !!existing } });
    });
    result.imported.push({ id: r.id, name: r.name, created: !existing, enabled: existing ? existing.enabled : enable, query: r.definition.query, notes: r.notes, author: r.author, license: r.license });
  }
  invalidateRuleCache();
  return result;
}
