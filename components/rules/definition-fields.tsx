"use client";

import { useState } from "react";
import { Input, Label, Textarea } from "@/components/ui/input";
import type { RuleDefinition, RuleKind } from "@/lib/detect/types";

type Def = Record<string, unknown>;

const list = (v: unknown) => (Array.isArray(v) ? v.join(", ") : "");
const parseList = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

/** Starting definitions when the kind changes (keeping the query where both kinds have one). */
export function defaultDefinition(kind: RuleKind, from?: RuleDefinition): RuleDefinition {
  const q = (from as { query?: string; first?: string } | undefined)?.query ?? (from as { first?: string } | undefined)?.first ?? "layer:audit AND ";
  switch (kind) {
    case "match":
      return { query: q };
    case "threshold":
      return { query: q, groupBy: ["cluster", "actor"], windowMinutes: 5, threshold: 10 };
    case "sequence":
      return { first: q, then: "layer:runtime AND ", joinOn: ["cluster", "namespace", "pod"], withinMinutes: 10 };
    case "new-value":
      return { query: q, fields: ["cluster", "actor"], baselineHours: 24 };
    case "silence":
      return { silentMinutes: 30 };
  }
}

function Field({ label, id, children, hint }: { label: string; id: string; children: React.ReactNode; hint?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && <span className="text-[11px] text-muted">{hint}</span>}
    </div>
  );
}

function QueryBox({ id, label, value, onChange, disabled }: { id: string; label: string; value: unknown; onChange: (v: string) => void; disabled?: boolean }) {
  return (
    <Field label={label} id={id} hint="Search language: field:value, AND/OR/NOT, verb:(create OR patch), attributes.<path>:value, field:/regex/i, _exists_:field">
      <Textarea id={id} rows={3} value={String(value ?? "")} onChange={(e) => onChange(e.target.value)} disabled={disabled} className="font-mono text-[11.5px]" spellCheck={false} />
    </Field>
  );
}

/** The inputs of one rule kind's definition. Unknown keys (supersedes, scopes…) are kept untouched. */
export function DefinitionFields({ kind, value, onChange, disabled }: { kind: RuleKind; value: RuleDefinition; onChange: (d: RuleDefinition) => void; disabled?: boolean }) {
  const d = value as Def;
  const set = (k: string, v: unknown) => {
    const next = { ...d, [k]: v };
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) delete next[k];
    onChange(next as RuleDefinition);
  };
  const [json, setJson] = useState<string | null>(null);
  const [jsonError, setJsonError] = useState<string | null>(null);

  const text = (k: string, label: string, hint?: string) => (
    <Field label={label} id={`def-${k}`} hint={hint}>
      <Input id={`def-${k}`} value={String(d[k] ?? "")} onChange={(e) => set(k, e.target.value || undefined)} disabled={disabled} />
    </Field>
  );
  const fields = (k: string, label: string, hint?: string) => (
    <Field label={label} id={`def-${k}`} hint={hint}>
      <Input id={`def-${k}`} value={list(d[k])} onChange={(e) => set(k, parseList(e.target.value))} disabled={disabled} className="font-mono" />
    </Field>
  );
  const number = (k: string, label: string, hint?: string) => (
    <Field label={label} id={`def-${k}`} hint={hint}>
      <Input id={`def-${k}`} type="number" min={0} value={d[k] === undefined ? "" : String(d[k])} onChange={(e) => set(k, num(e.target.value))} disabled={disabled} className="w-28" />
    </Field>
  );

  return (
    <div className="flex flex-col gap-3" data-testid="definition-fields">
      {kind === "sequence" ? (
        <>
          <QueryBox id="def-first" label="First (A)" value={d.first} onChange={(v) => set("first", v)} disabled={disabled} />
          <QueryBox id="def-then" label="Then (B)" value={d.then} onChange={(v) => set("then", v)} disabled={disabled} />
        </>
      ) : kind !== "silence" ? (
        <QueryBox id="def-query" label="Query" value={d.query} onChange={(v) => set("query", v)} disabled={disabled} />
      ) : null}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {kind === "match" && fields("groupBy", "Group by", "default: cluster, namespace, pod, actor")}
        {kind === "match" && number("windowMinutes", "Window (min)", "default 60")}
        {kind === "threshold" && fields("groupBy", "Group by", "event columns")}
        {kind === "threshold" && number("threshold", "At least")}
        {kind === "threshold" && number("windowMinutes", "Within (min)")}
        {kind === "threshold" && text("distinct", "Distinct values of", "optional, e.g. object_name")}
        {kind === "sequence" && fields("joinOn", "Same", "e.g. cluster, namespace, pod")}
        {kind === "sequence" && number("withinMinutes", "B within (min)")}
        {kind === "new-value" && fields("fields", "New combination of", "e.g. cluster, actor, namespace")}
        {kind === "new-value" && number("baselineHours", "Learn from (h)", "history that is not new")}
        {kind === "silence" && fields("layers", "Layers", "default: all five")}
        {kind === "silence" && number("silentMinutes", "Silent for (min)")}
      </div>
      {text("title", "Alert title", "optional; {field} is the event's value, [ … ] is left out when a field inside is empty")}
      {!disabled && (
        <details
          onToggle={(e) => {
            if ((e.target as HTMLDetailsElement).open) setJson(JSON.stringify(d, null, 2));
          }}
        >
          <summary className="cursor-pointer text-[11px] text-muted">Definition as JSON (supersedes, scopes, severityFromEvent…)</summary>
          <Textarea
            aria-label="Definition JSON"
            rows={8}
            value={json ?? ""}
            onChange={(e) => {
              setJson(e.target.value);
              try {
                onChange(JSON.parse(e.target.value) as RuleDefinition);
                setJsonError(null);
              } catch (err) {
                setJsonError((err as Error).message);
              }
            }}
            className="mt-1 w-full font-mono text-[11px]"
            spellCheck={false}
          />
          {jsonError && <span className="text-[11px] text-danger">{jsonError}</span>}
        </details>
      )}
    </div>
  );
}
