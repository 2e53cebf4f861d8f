"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select, Textarea } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useCreateRule, useUpdateRule, type RuleDraft } from "@/lib/client/rules";
import { RULE_KINDS, RULE_SEVERITIES, type RuleKind, type RuleSeverity } from "@/lib/detect/types";
import { BacktestPanel } from "./backtest-panel";
import { DefinitionFields, defaultDefinition } from "./definition-fields";
import { TestEventPanel } from "./test-event-panel";

const lines = (v: string[]) => v.join("\n");
const parseLines = (s: string) => s.split(/\n|,/).map((x) => x.trim()).filter(Boolean);

export const EMPTY_DRAFT: RuleDraft = {
  name: "", description: "", severity: "medium", kind: "match", definition: { query: "layer:audit AND " },
  mitre: [], equivalents: [], remediation: "", references: [],
};

/** Create (no ruleId) or edit a rule, with backtest and test-against-event next to the definition. */
export function RuleEditor({ initial, ruleId }: { initial: RuleDraft; ruleId?: string }) {
  const router = useRouter();
  const [d, setD] = useState<RuleDraft>(initial);
  const create = useCreateRule();
  const update = useUpdateRule(ruleId ?? "");
  const save = ruleId ? update : create;
  const err = save.error as { body?: { hint?: string; path?: string } } | null;
  const set = <K extends keyof RuleDraft>(k: K, v: RuleDraft[K]) => setD((x) => ({ ...x, [k]: v }));

  function submit() {
    const draft = { ...d };
    delete draft.enabled;
    if (ruleId) update.mutate(draft);
    else create.mutate(draft, { onSuccess: (rule) => router.push(`/rules/${encodeURIComponent(rule.id)}`) });
  }

  return (
    <div className="flex flex-col gap-3">
      <form
        aria-label={ruleId ? "Edit rule" : "New rule"}
        className="flex flex-col gap-3 rounded border border-line bg-panel p-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid grid-cols-1 gap-3 md:grid-cols-[1fr_10rem_10rem]">
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-name">Name</Label>
            <Input id="rule-name" value={d.name} onChange={(e) => set("name", e.target.value)} required maxLength={200} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-kind">Kind</Label>
            <Select id="rule-kind" value={d.kind} onChange={(e) => {
              const kind = e.target.value as RuleKind;
              setD((x) => ({ ...x, kind, definition: defaultDefinition(kind, x.definition) }));
            }}>
              {RULE_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-severity">Severity</Label>
            <Select id="rule-severity" value={d.severity} onChange={(e) => set("severity", e.target.value as RuleSeverity)}>
              {RULE_SEVERITIES.map((s) => <option key={s} value={s}>{s}</option>)}
            </Select>
          </div>
        </div>
        <DefinitionFields kind={d.kind} value={d.definition} onChange={(def) => set("definition", def)} />
        <div className="flex flex-col gap-1">
          <Label htmlFor="rule-description">Description</Label>
          <Textarea id="rule-description" rows={2} value={d.description} onChange={(e) => set("description", e.target.value)} />
        </div>
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-remediation">Remediation</Label>
            <Textarea id="rule-remediation" rows={3} value={d.remediation} onChange={(e) => set("remediation", e.target.value)} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-equivalents">Equivalents (one per line: falco:…, sigma:…, elastic:…, panther:…)</Label>
            <Textarea id="rule-equivalents" rows={3} value={lines(d.equivalents)} onChange={(e) => set("equivalents", parseLines(e.target.value))} className="font-mono text-[11px]" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-mitre">MITRE ATT&amp;CK techniques</Label>
            <Input id="rule-mitre" value={d.mitre.join(", ")} onChange={(e) => set("mitre", parseLines(e.target.value))} placeholder="T1609, T1552.007" className="font-mono" />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="rule-references">References (one per line)</Label>
            <Textarea id="rule-references" rows={2} value={lines(d.references)} onChange={(e) => set("references", parseLines(e.target.value))} className="font-mono text-[11px]" />
          </div>
        </div>
        {save.isError && (
          <ErrorBox>
            {errorMessage(save.error)}
            {err?.body?.hint ? <div className="text-muted">{err.body.hint}</div> : null}
          </ErrorBox>
        )}
        {save.isSuccess && ruleId && <p className="text-xs text-emerald-600 dark:text-emerald-400">Saved.</p>}
        <div className="flex items-center gap-2">
          {!ruleId && <span className="text-[11px] text-muted">New rules start disabled: backtest, then enable.</span>}
          <Button type="submit" variant="primary" className="ml-auto" disabled={save.isPending || !d.name.trim()}>
            {save.isPending ? "Saving…" : ruleId ? "Save changes" : "Create rule"}
          </Button>
        </div>
      </form>
      <BacktestPanel kind={d.kind} definition={d.definition} />
      <TestEventPanel kind={d.kind} definition={d.definition} />
    </div>
  );
}
