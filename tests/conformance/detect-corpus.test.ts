/**
 * The detection pack and the Sigma importer against the corpus's real audit
 * records and its oracle (rules/EXPECTATIONS.md): every Falco and Sigma
 * expectation met, no false alert, nothing raised on quiet records, and the
 * imported Sigma rules reproducing the Sigma column exactly — including the
 * rule that does not fire on privileged pods.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDb } from "../setup/db";
import { syncBuiltinRules } from "../../lib/detect/rules";
import { parseExpectations } from "../../lib/detect/corpus";
import { replayCorpus, scoreReplay, type Replay, type Score } from "../../lib/detect/replay";
import { importSigma, type SigmaImportResult } from "../../lib/detect/sigma/import";

const CORPUS = resolve(process.cwd(), "../shared/corpus");
const present = existsSync(join(CORPUS, "rules", "EXPECTATIONS.md"));
if (!present) console.warn(`[conformance] corpus not found at ${CORPUS}; skipping the detection conformance test`);

describe.skipIf(!present)("detection against the corpus", () => {
  const db = testDb();
  const expectations = present ? parseExpectations(readFileSync(join(CORPUS, "rules", "EXPECTATIONS.md"), "utf8")) : [];
  let pack: Score;
  let packReplay: Replay;
  let sigma: Score;
  let sigmaReplay: Replay;
  let imported: SigmaImportResult;

  beforeAll(async () => {
    await resetDb(db);
    await syncBuiltinRules(db);
    packReplay = await replayCorpus(db, CORPUS);
    pack = scoreReplay(packReplay, expectations);

    await resetDb(db);
    await syncBuiltinRules(db);
    await db.pool.query("UPDATE rules SET enabled = false");
    const dir = join(CORPUS, "rules", "sigma-k8s");
    const yaml = readdirSync(dir).flatMap((sub) => readdirSync(join(dir, sub)).map((f) => readFileSync(join(dir, sub, f), "utf8"))).join("\n---\n");
    imported = await importSigma(db, null, yaml);
    sigmaReplay = await replayCorpus(db, CORPUS);
    sigma = scoreReplay(sigmaReplay, expectations, ["sigma"]);
  }, 240_000);
  afterAll(() => db.pool.end());

  it("reads every record of the oracle", () => {
    expect(expectations.length).toBeGreaterThanOrEqual(58);
    expect(packReplay.records.map((r) => r.key).sort()).toEqual(expectations.map((x) => x.key).sort());
  });

  it.each(["falco", "sigma"] as const)("built-in pack: every %s expectation met, no false alert", (set) => {
    const s = pack.sets.find((x) => x.set === set)!;
    expect(s.missed).toEqual([]);
    expect(s.falseAlerts).toEqual([]);
    expect(s.recall).toBe(1);
  });

  it("built-in pack: the Elastic and Panther expectations too", () => {
    for (const set of ["elastic", "panther"] as const) {
      const s = pack.sets.find((x) => x.set === set)!;
      expect({ set, missed: s.missed, falseAlerts: s.falseAlerts }).toEqual({ set, missed: [], falseAlerts: [] });
    }
  });

  it("raises nothing on records where no reference rule fires, and fewer alerts than the references", () => {
    expect(pack.noise).toEqual([]);
    const falcoAlone = pack.sets.find((x) => x.set === "falco")!.referenceAlerts;
    expect(pack.alerts).toBeLessThan(falcoAlone);
  });

  it("groups repeats: the six credential ConfigMaps are one alert, exec and attach of one pod one alert", () => {
    const alertsOf = (prefix: string) => new Set(packReplay.records.filter((r) => r.key.startsWith(prefix)).flatMap((r) => r.alerts.map((a) => a.id)));
    expect(alertsOf("create_configmap_sensitive_values.json").size).toBe(1);
    const cm = packReplay.records.find((r) => r.key === "create_configmap_sensitive_values.json:1")!;
    expect(cm.fired).toEqual(["falco:Create/Modify Configmap With Private Credentials", "falco:K8s ConfigMap Created"]);
  });

  it("the more specific rule stands for the general one on the same event", () => {
    const rec = packReplay.records.find((r) => r.key === "attach_cluster_admin_role.json:1")!;
    expect(rec.alerts.map((a) => a.ruleId)).toEqual(["k8s.rbac-cluster-admin-binding"]);
    expect(rec.fired).toEqual(expect.arrayContaining(["falco:Attach to cluster-admin Role", "falco:K8s ClusterRoleBinding Created", "sigma:Kubernetes Rolebinding Modification"]));
  });

  it("imports the 16 Kubernetes audit rules and reports the 14 cloud ones as unsupported", () => {
    expect(imported.imported).toHaveLength(16);
    expect(imported.unsupported).toHaveLength(14);
    for (const u of imported.unsupported) expect(u.reason).toMatch(/logsource \(product: (azure|gcp)/);
    for (const r of imported.imported) expect(r.license).toBe("DRL-1.1");
  });

  it("imported Sigma rules reproduce the Sigma column exactly", () => {
    expect(sigma.sets[0]).toMatchObject({ missed: [], falseAlerts: [], recall: 1 });
    expect(sigma.noise).toEqual([]);
  });

  it("imported 'Privileged Container Deployed' does not fire on the privileged pods (it keys on capabilities)", () => {
    const privileged = sigmaReplay.records.filter((r) => r.key.includes("privileged") && !r.key.includes("unprivileged"));
    expect(privileged.length).toBe(3);
    for (const r of privileged) expect(r.fired).not.toContain("sigma:Privileged Container Deployed");
  });
});
