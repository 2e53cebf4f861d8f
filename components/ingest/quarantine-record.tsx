"use client";

import { useMemo, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { formatNumber, formatTsZone } from "@/lib/client/format";
import type { QuarantineRecord } from "@/lib/client/ingest";

/** Parsing multi-MB text on every open would stall the UI; records that big are viewed raw. */
const MAX_PRETTY_CHARS = 2_000_000;

/** Pretty-printed JSON, or null when the raw text is not a JSON object/array. */
function prettyJson(raw: string): string | null {
  const t = raw.trim();
  if (t.length > MAX_PRETTY_CHARS || !(t.startsWith("{") || t.startsWith("["))) return null;
  try {
    return JSON.stringify(JSON.parse(t), null, 2);
  } catch {
    return null;
  }
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-[10.5px] font-semibold tracking-wide text-muted uppercase">{label}</dt>
      <dd className="min-w-0 truncate font-mono">{children}</dd>
    </>
  );
}

type Props = { record: QuarantineRecord; tokenLabel: string; onClose: () => void };

/*
 * Everything from the record (reason and raw) is attacker-controlled log content, so it is only
 * ever rendered as React text children — never as HTML.
 */
export function QuarantineRecordDialog({ record, tokenLabel, onClose }: Props) {
  const pretty = useMemo(() => prettyJson(record.raw), [record.raw]);
  const [view, setView] = useState<"raw" | "pretty">("raw");
  const showPretty = view === "pretty" && pretty !== null;

  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      variant="drawer"
      title={`Quarantined record #${record.recordIndex} · ${record.source}`}
    >
      <div data-testid="quarantine-detail" className="flex flex-col gap-3 text-xs">
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1">
          <Field label="Received">{formatTsZone(record.receivedAt)}</Field>
          <Field label="Token">{tokenLabel}</Field>
          <Field label="Cluster">{record.cluster}</Field>
          <Field label="Source">{record.source}</Field>
          <Field label="Record #">{record.recordIndex}</Field>
          <Field label="Id">{record.id}</Field>
        </dl>

        <section aria-label="Reason">
          <h3 className="mb-1 text-[10.5px] font-semibold tracking-wide text-muted uppercase">Reason</h3>
          <p
            data-testid="quarantine-reason"
            className="rounded border border-amber-500/40 bg-amber-500/10 px-2 py-1.5 font-mono break-words whitespace-pre-wrap text-amber-800 dark:text-amber-200"
          >
            {record.reason}
          </p>
        </section>

        <section aria-label="Raw record" className="flex min-h-0 flex-col">
          <div className="mb-1 flex items-center gap-2">
            <h3 className="text-[10.5px] font-semibold tracking-wide text-muted uppercase">Raw record</h3>
            <span className="text-[11px] text-muted">{formatNumber(record.raw.length)} chars</span>
            {pretty !== null && (
              <div role="group" aria-label="Raw record view" className="ml-2 flex gap-0.5 rounded border border-line p-0.5">
                {(["raw", "pretty"] as const).map((v) => (
                  <button
                    key={v}
                    type="button"
                    aria-pressed={view === v}
                    onClick={() => setView(v)}
                    // Re-serializing goes through JS numbers; the raw view stays byte-exact.
                    title={v === "pretty" ? "Pretty-printed JSON (integers beyond 2^53 may lose precision)" : "Exactly as received"}
                    className={cn(
                      "rounded-sm px-1.5 py-0.5 text-[11px] focus-visible:ring-1 focus-visible:ring-accent focus-visible:outline-none",
                      view === v ? "bg-row-active text-fg" : "text-muted hover:text-fg",
                    )}
                  >
                    {v === "raw" ? "Raw" : "Pretty JSON"}
                  </button>
                ))}
              </div>
            )}
            <CopyButton className="ml-auto" value={record.raw} label="Copy raw record" showText />
          </div>
          <pre
            data-testid="quarantine-raw"
            data-view={showPretty ? "pretty" : "raw"}
            tabIndex={0}
            className="max-h-[60vh] overflow-auto rounded border border-line bg-bg p-2 font-mono text-[11px] leading-relaxed break-all whitespace-pre-wrap focus-visible:ring-1 focus-visible:ring-accent focus-visible:outline-none"
          >
            {showPretty ? pretty : record.raw}
          </pre>
        </section>
      </div>
    </Dialog>
  );
}
