import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db";

/** Disabled fixture rules (so ingest never matches them) that alerts can point at. */
export async function makeRules(db: Db): Promise<void> {
  const rules = [
    { id: "test.exec", name: "Test exec rule", severity: "high" },
    { id: "test.secrets", name: "Test secrets rule", severity: "critical" },
    { id: "test.noise", name: "Test noisy rule", severity: "low" },
  ];
  for (const r of rules) {
    await db.prisma.rule.upsert({
      where: { id: r.id },
      create: { ...r, description: `${r.name} (fixture)`, definition: { query: "verb:never" }, enabled: false, mitre: ["T1609"], remediation: "Check it." },
      update: {},
    });
  }
}

export type AlertFixture = Partial<{
  ruleId: string; title: string; severity: string; status: "open" | "acknowledged" | "resolved"; cluster: string; namespace: string | null;
  pod: string | null; actor: string | null; firstSeen: Date; lastSeen: Date; count: number; incidentId: number | null;
}>;

/** An alert row as raise.ts would leave it (with its "raised" history entry), timestamps relative to now. */
export async function makeAlert(db: Db, over: AlertFixture = {}): Promise<number> {
  const lastSeen = over.lastSeen ?? new Date(Date.now() - 60_000);
  const firstSeen = over.firstSeen ?? new Date(lastSeen.getTime() - 5 * 60_000);
  const a = await db.prisma.alert.create({
    data: {
      ruleId: over.ruleId ?? "test.exec", groupKey: randomUUID(), windowStart: new Date(Math.floor(firstSeen.getTime() / 3_600_000) * 3_600_000),
      title: over.title ?? "Exec into payments/api", severity: over.severity ?? "high", status: over.status ?? "open",
      cluster: over.cluster ?? "prod-eu-1", namespace: over.namespace === undefined ? "payments" : over.namespace,
      pod: over.pod === undefined ? "payments-api-7d9f8b6c5-x2k4q" : over.pod, actor: over.actor ?? "trudy",
      firstSeen, lastSeen, count: over.count ?? 1, incidentId: over.incidentId ?? null,
    },
  });
  await db.prisma.alertHistory.create({ data: { alertId: a.id, fromStatus: null, toStatus: "open", reason: `raised by rule ${a.ruleId}` } });
  return a.id;
}
