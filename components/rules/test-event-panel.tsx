"use client";

import { Check, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/client/api";
import { useTestEvent } from "@/lib/client/rules";
import type { RuleDefinition, RuleKind } from "@/lib/detect/types";

/** Paste one record (audit event, Falco alert, log line record, or an event copied from Crowsnest) and see which clauses match. */
export function TestEventPanel({ kind, definition }: { kind: RuleKind; definition: RuleDefinition }) {
  const [text, setText] = useState("");
  const [parseError, setParseError] = useState<string | null>(null);
  const t = useTestEvent();

  function run() {
    setParseError(null);
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch (err) {
      setParseError(`not JSON: ${(err as Error).message}`);
      return;
    }
    t.mutate({ kind, definition, event });
  }

  return (
    <section aria-label="Test against an event" className="rounded border border-line bg-panel p-3">
      <div className="flex items-center gap-2">
        <h2 className="text-xs font-semibold">Test against an event</h2>
        <span className="text-[11px] text-muted">a Kubernetes audit event, a Falco alert, a log record, or an event&apos;s JSON from the timeline</span>
        <Button className="ml-auto" onClick={run} disabled={!text.trim() || t.isPending || kind === "silence"} data-testid="test-event-run">
          {t.isPending ? "Testing…" : "Test"}
        </Button>
      </div>
      <Textarea aria-label="Event JSON" rows={6} value={text} onChange={(e) => setText(e.target.value)} className="mt-2 w-full font-mono text-[11px]" spellCheck={false} placeholder='{"kind":"Event","apiVersion":"audit.k8s.io/v1","verb":"create", …}' />
      {(parseError || t.isError) && <ErrorBox className="mt-2">{parseError ?? errorMessage(t.error)}</ErrorBox>}
      {t.data && !parseError && (
        <div className="mt-2 flex flex-col gap-2 text-xs" data-testid="test-event-result">
          <p className={cn("font-semibold", t.data.matched ? "text-emerald-600 dark:text-emerald-400" : "text-danger")}>
            {t.data.matched ? "Matches" : "Does not match"} <span className="font-normal text-muted">(read as {t.data.format})</span>
          </p>
          {t.data.note && <p className="text-muted">{t.data.note}</p>}
          {t.data.steps.map((s) => (
            <div key={s.step}>
              {t.data.steps.length > 1 && <div className="font-medium">{s.step}: {s.matched ? "matches" : "does not match"}</div>}
              <ul className="flex flex-col gap-0.5">
                {s.clauses.map((c, i) => (
                  <li key={i} className="flex items-start gap-1.5 font-mono text-[11px]">
                    {c.matched ? <Check className="mt-0.5 size-3 shrink-0 text-emerald-600" aria-label="matches" /> : <X className="mt-0.5 size-3 shrink-0 text-danger" aria-label="does not match" />}
                    <span className="break-all">{c.clause}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <details>
            <summary className="cursor-pointer text-[11px] text-muted">the event as Crowsnest reads it</summary>
            <pre className="mt-1 max-h-64 overflow-auto rounded bg-panel-2 p-2 text-[10.5px]">{JSON.stringify(t.data.event, null, 2)}</pre>
          </details>
        </div>
      )}
    </section>
  );
}
