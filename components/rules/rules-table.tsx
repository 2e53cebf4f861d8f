"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { AlertSeverityBadge } from "@/components/ui/domain-badges";
import { Table, Td, Th } from "@/components/ui/table";
import { formatNumber, formatShort } from "@/lib/client/format";
import type { RuleDto } from "@/lib/client/rules";
import { EnabledSwitch } from "./enabled-switch";

const ORIGIN_TONE: Record<string, string> = {
  builtin: "border-line bg-panel-2 text-muted",
  custom: "border-sky-500/40 bg-sky-500/10 text-sky-700 dark:text-sky-300",
  sigma: "border-violet-500/40 bg-violet-500/10 text-violet-700 dark:text-violet-300",
};

export function OriginBadge({ origin }: { origin: string }) {
  return <Badge className={ORIGIN_TONE[origin] ?? ORIGIN_TONE.builtin}>{origin}</Badge>;
}

/** "falco ×3, sigma" — which reference sets a rule has equivalents in; the names on hover. */
function Equivalents({ names }: { names: string[] }) {
  if (!names.length) return <span className="text-muted/60">—</span>;
  const bySet = new Map<string, number>();
  for (const n of names) {
    const set = n.split(":")[0];
    bySet.set(set, (bySet.get(set) ?? 0) + 1);
  }
  return (
    <span title={names.join("\n")} className="font-mono text-[11px] text-muted">
      {[...bySet].map(([s, n]) => (n > 1 ? `${s} ×${n}` : s)).join(", ")}
    </span>
  );
}

export function RulesTable({ rules, canEdit }: { rules: RuleDto[]; canEdit: boolean }) {
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[1000px]">
        <thead>
          <tr>
            <Th>On</Th>
            <Th className="w-full">Rule</Th>
            <Th>Kind</Th>
            <Th>Severity</Th>
            <Th>Origin</Th>
            <Th className="text-right" title="alerts raised in the last 24 hours">Alerts 24 h</Th>
            <Th className="text-right" title="matching events in the last 24 hours">Events 24 h</Th>
            <Th className="text-right" title="matches held back by suppressions">Suppressed</Th>
            <Th>Last hit</Th>
            <Th>Equivalents</Th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={r.id} data-testid="rule-row" data-rule-id={r.id} className="hover:bg-row-hover">
              <Td>
                <EnabledSwitch id={r.id} enabled={r.enabled} disabled={!canEdit} compact />
              </Td>
              <Td className="max-w-[34rem]">
                <Link href={`/rules/${encodeURIComponent(r.id)}`} className="font-medium hover:text-accent hover:underline">
                  {r.name}
                </Link>
                <div className="truncate font-mono text-[10.5px] text-muted">{r.id}</div>
                {r.lastError && (
                  <div data-testid="rule-error" className="truncate text-[11px] text-danger" title={r.lastError.message}>
                    failing since {formatShort(r.lastError.since)}: {r.lastError.message}
                  </div>
                )}
              </Td>
              <Td className="font-mono text-[11px]">{r.kind}</Td>
              <Td>
                <AlertSeverityBadge severity={r.severity} />
              </Td>
              <Td>
                <OriginBadge origin={r.origin} />
              </Td>
              <Td className="text-right font-mono">{formatNumber(r.hits.alerts24h)}</Td>
              <Td className="text-right font-mono">{formatNumber(r.hits.events24h)}</Td>
              <Td className="text-right font-mono" title={r.suppressed.active ? `${r.suppressed.active} active suppression(s)` : undefined}>
                {r.suppressed.count ? formatNumber(r.suppressed.count) : r.suppressed.active ? "0" : <span className="text-muted/60">—</span>}
              </Td>
              <Td className="whitespace-nowrap text-muted">{r.hits.lastHitAt ? formatShort(r.hits.lastHitAt) : "—"}</Td>
              <Td className="whitespace-nowrap">
                <Equivalents names={r.equivalents} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
