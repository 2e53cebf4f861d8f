import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import yaml from "js-yaml";
import { BUILTIN_PACK } from ".";
import { parseDefinition } from "../definition";
import { compileQuery } from "../compile";
import { CASES } from "./cases";

const byId = new Map(BUILTIN_PACK.map((r) => [r.id, r]));

describe("the built-in pack", () => {
  it("has at least 35 rules with unique ids and complete metadata", () => {
    expect(BUILTIN_PACK.length).toBeGreaterThanOrEqual(35);
    expect(byId.size).toBe(BUILTIN_PACK.length);
    for (const r of BUILTIN_PACK) {
      expect(r.name, r.id).not.toBe("");
      expect(r.description.length, r.id).toBeGreaterThan(30);
      expect(r.remediation.length, r.id).toBeGreaterThan(20);
      expect(r.references.length, r.id).toBeGreaterThan(0);
      for (const m of r.mitre) expect(m, r.id).toMatch(/^T\d{4}(\.\d{3})?$/);
      for (const e of r.equivalents) expect(e, r.id).toMatch(/^(falco|sigma|elastic|panther):\S/);
    }
  });

  it("every definition is valid for its kind; supersedes and scopes point at real things", () => {
    for (const r of BUILTIN_PACK) {
      expect(() => parseDefinition(r.kind, r.definition), r.id).not.toThrow();
      const d = r.definition as { supersedes?: string[]; scopes?: Record<string, string> };
      for (const s of d.supersedes ?? []) expect(byId.get(s)?.kind, `${r.id} supersedes ${s}`).toBe("match");
      for (const name of Object.keys(d.scopes ?? {})) expect(r.equivalents, `${r.id} scope ${name}`).toContain(name);
    }
  });

  it("covers every kind of rule the issue asks for", () => {
    const kinds = new Set(BUILTIN_PACK.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(["match", "new-value", "sequence", "silence", "threshold"]);
  });

  it("has a positive and a negative test event for every rule", () => {
    for (const r of BUILTIN_PACK) {
      expect(CASES[r.id], r.id).toBeDefined();
      if (r.kind !== "silence") {
        expect(CASES[r.id].hit.length, r.id).toBeGreaterThan(0);
        expect(CASES[r.id].miss.length, r.id).toBeGreaterThan(0);
      }
    }
  });
});

describe.each(BUILTIN_PACK.filter((r) => r.kind !== "silence").map((r) => [r.id, r] as const))("rule %s", (_id, rule) => {
  const c = CASES[rule.id];
  const d = rule.definition as { query?: string; first?: string; then?: string };
  const filter = compileQuery((d.query ?? d.first)!);
  it("matches its positive events", () => {
    c.hit.forEach((e, i) => expect(filter(e), `hit #${i}: ${e.message}`).toBe(true));
  });
  it("does not match its negative events", () => {
    c.miss.forEach((e, i) => expect(filter(e), `miss #${i}: ${e.message}`).toBe(false));
  });
  if (rule.kind === "sequence") {
    const then = compileQuery(d.then!);
    it("its second step matches and misses", () => {
      c.then!.hit.forEach((e, i) => expect(then(e), `then hit #${i}`).toBe(true));
      c.then!.miss.forEach((e, i) => expect(then(e), `then miss #${i}`).toBe(false));
    });
  }
});

// Equivalents name rules that exist in the reference sets (when the shared corpus is present).
const RULES_DIR = resolve(process.cwd(), "../shared/corpus/rules");
describe.skipIf(!existsSync(RULES_DIR))("equivalent names exist upstream", () => {
  it("falco: and sigma: names are real rule names or titles", () => {
    const falco = new Set(
      (yaml.load(readFileSync(resolve(RULES_DIR, "falco-k8s-audit/k8s_audit_rules.yaml"), "utf8")) as { rule?: string }[]).map((x) => x.rule).filter(Boolean),
    );
    const sigmaDir = resolve(RULES_DIR, "sigma-k8s/audit");
    const sigma = new Set(readdirSync(sigmaDir).map((f) => (yaml.load(readFileSync(resolve(sigmaDir, f), "utf8")) as { title: string }).title));
    for (const r of BUILTIN_PACK) {
      for (const e of r.equivalents) {
        if (e.startsWith("falco:")) expect(falco.has(e.slice(6)), `${r.id}: ${e}`).toBe(true);
        if (e.startsWith("sigma:")) expect(sigma.has(e.slice(6)), `${r.id}: ${e}`).toBe(true);
      }
    }
  });
});
