/**
 * `npm run bench:detect [-- --corpus ../shared/corpus]`
 *
 * Replays the corpus's real Kubernetes audit records (captured while Falco's
 * authors performed attacks, plus Elastic's and AKS/GKE samples) through the
 * real ingest pipeline and windowed loop on a fresh embedded PostgreSQL, and
 * prints, per reference rule set of EXPECTATIONS.md, whether a Crowsnest rule
 * with that equivalent fired on each record: recall, false alerts (a
 * Crowsnest alert standing for a reference rule that should not fire there)
 * and alerts on records where nothing is expected. Then does the same with
 * the corpus's Sigma rules imported instead of the built-in pack.
 */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "../lib/embedded-pg";
import { migrate } from "../lib/migrate";
import { createDb, type Db } from "../lib/db";
import { syncBuiltinRules } from "../lib/detect/rules";
import { BUILTIN_RULES } from "../lib/detect/builtin";
import { parseExpectations, type ReferenceSet } from "../lib/detect/corpus";
import { replayCorpus, scoreReplay, type Score } from "../lib/detect/replay";
import { importSigma } from "../lib/detect/sigma/import";

const root = resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({ options: { corpus: { type: "string", default: resolve(root, "../shared/corpus") } } });
const corpus = resolve(args.corpus!);

async function reset(db: Db) {
  const { rows } = await db.pool.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' AND tablename NOT LIKE 'events_p%'`,
  );
  await db.pool.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

function pct(x: number): string {
  return `${(x * 100).toFixed(0)}%`;
}

function print(title: string, score: Score, sets: ReferenceSet[]) {
  console.log(`\n${title}`);
  console.table(
    Object.fromEntries(
      score.sets.filter((s) => sets.includes(s.set)).map((s) => [
        s.set,
        { expected: s.expected, met: s.met, recall: pct(s.recall), "false alerts": s.falseAlerts.length, "reference alerts": s.referenceAlerts },
      ]),
    ),
  );
  for (const s of score.sets.filter((x) => sets.includes(x.set))) {
    for (const m of s.missed) console.log(`  ${s.set} missed: ${m.rule} on ${m.key}`);
    for (const f of s.falseAlerts) console.log(`  ${s.set} false alert: ${f.rule} on ${f.key}`);
  }
  console.log(`  Crowsnest alerts raised: ${score.alerts}; records where no reference rule fires: ${score.quietEvents}, alerts on them: ${score.noise.length}`);
  for (const n of score.noise) console.log(`  alert on a quiet record: ${n.key} by ${n.rules.join(", ")}`);
}

async function main() {
  const md = join(corpus, "rules", "EXPECTATIONS.md");
  if (!existsSync(md)) {
    console.error(`[bench:detect] corpus not found at ${corpus} (give --corpus)`);
    process.exit(2);
  }
  const expectations = parseExpectations(readFileSync(md, "utf8"));
  const dir = mkdtempSync(join(tmpdir(), "crowsnest-bench-detect-"));
  const pg = await startEmbeddedPostgres(dir);
  try {
    await migrate(pg.url);
    const db = createDb(pg.url, 4);

    // 1. The built-in pack, every rule as shipped.
    await syncBuiltinRules(db);
    const t0 = performance.now();
    const pack = scoreReplay(await replayCorpus(db, corpus), expectations);
    const packMs = performance.now() - t0;
    const kinds = BUILTIN_RULES.reduce<Record<string, number>>((m, r) => ((m[r.kind] = (m[r.kind] ?? 0) + 1), m), {});
    console.log(`[bench:detect] ${expectations.length} corpus records, ${BUILTIN_RULES.length} built-in rules (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")})`);
    print(`Built-in pack (replay ${packMs.toFixed(0)} ms)`, pack, ["falco", "sigma", "elastic", "panther"]);

    // 2. The corpus's Sigma rules imported (and nothing else enabled): must reproduce the Sigma column.
    await reset(db);
    await syncBuiltinRules(db);
    await db.pool.query("UPDATE rules SET enabled = false");
    const sigmaDir = join(corpus, "rules", "sigma-k8s");
    const yaml = readdirSync(sigmaDir).flatMap((sub) => readdirSync(join(sigmaDir, sub)).map((f) => readFileSync(join(sigmaDir, sub, f), "utf8"))).join("\n---\n");
    const imported = await importSigma(db, null, yaml);
    console.log(`\n[bench:detect] Sigma import: ${imported.imported.length} imported, ${imported.unsupported.length} not supported`);
    for (const u of imported.unsupported) console.log(`  not imported: ${u.rule}: ${u.reason}`);
    const sigma = scoreReplay(await replayCorpus(db, corpus), expectations, ["sigma"]);
    print("Imported Sigma rules only", sigma, ["sigma"]);

    const out = { at: new Date().toISOString(), records: expectations.length, rules: BUILTIN_RULES.length, pack, sigmaImport: { imported: imported.imported.length, unsupported: imported.unsupported, score: sigma } };
    mkdirSync(join(root, "bench", "out"), { recursive: true });
    writeFileSync(join(root, "bench", "out", `detect-${Date.now()}.json`), JSON.stringify(out, null, 2));
    const ok = pack.sets.filter((s) => s.set === "falco" || s.set === "sigma").every((s) => s.recall === 1 && s.falseAlerts.length === 0) && sigma.sets[0].recall === 1 && sigma.sets[0].falseAlerts.length === 0;
    console.log(`\n[bench:detect] Falco and Sigma expectations ${ok ? "all met, no false alert" : "NOT all met"}`);
    await db.pool.end();
    process.exitCode = ok ? 0 : 1;
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
