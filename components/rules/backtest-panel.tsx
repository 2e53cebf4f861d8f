"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/states";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatNumber, formatTs } from "@/lib/client/format";
import { useBacktest } from "@/lib/client/rules";
import type { RuleDefinition, RuleKind } from "@/lib/detect/types";

/** "Would have fired N times in the last 24 h", with the matching events. */
export function BacktestPanel({ kind, definition }: { kind: RuleKind; definition: RuleDefinition }) {
  const bt = useBacktest();
  const error = bt.error as { body?: { hint?: string } } | null;
  return (
    <section aria-label="Backtest" className="rounded border border-line bg-panel p-3">
      <div className="flex items-center gap-2">
        <h2 className="text-xs font-semibold">Backtest</h2>
        <span className="text-[11px] text-muted">runs the definition above over the stored events of the last 24 hours (before suppressions)</span>
        <Button className="ml-auto" onClick={() => bt.mutate({ kind, definition })} disabled={bt.isPending || kind === "silence"} data-testid="backtest-run">
          {bt.isPending ? "Running…" : "Backtest last 24 h"}
        </Button>
      </div>
      {bt.isError && (
        <ErrorBox className="mt-2">
          {errorMessage(bt.error)}
          {error?.body?.hint ? <div className="text-muted">{error.body.hint}</div> : null}
        </ErrorBox>
      )}
      {bt.data && (
        <div className="mt-2 flex flex-col gap-2" data-testid="backtest-result">
          <p className="text-sm">
            Would have fired <strong data-testid="backtest-count">{formatNumber(bt.data.count)}</strong> time{bt.data.count === 1 ? "" : "s"} in the last 24 h
            <span className="text-muted"> ({formatNumber(bt.data.matches)} matching event{bt.data.matches === 1 ? "" : "s"})</span>
          </p>
          {bt.data.events.length > 0 && (
            <div className="max-h-72 overflow-auto rounded border border-line">
              <Table>
                <thead>
                  <tr>
                    <Th>Time</Th>
                    <Th>Layer</Th>
                    <Th>Cluster</Th>
                    <Th>Namespace / Pod</Th>
                    <Th>Actor</Th>
                    <Th className="w-full">Message</Th>
                  </tr>
                </thead>
                <tbody>
                  {bt.data.events.map((e) => (
                    <tr key={e.id} className="hover:bg-row-hover">
                      <Td className="whitespace-nowrap font-mono">
                        <Link href={`/events/${e.id}`} className="hover:text-accent hover:underline">{formatTs(e.ts)}</Link>
                      </Td>
                      <Td>{e.layer}</Td>
                      <TextCell value={e.cluster} />
                      <TextCell value={[e.namespace, e.pod].filter(Boolean).join("/") || null} />
                      <TextCell value={e.actor} />
                      <Td className="max-w-[28rem] truncate" title={e.message}>{e.message}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
