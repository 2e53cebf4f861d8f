"use client";

import { ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useRule } from "@/lib/client/rules";
import { EMPTY_DRAFT, RuleEditor } from "./rule-editor";

/** A new rule, empty or duplicated from another (the way to change a built-in rule). */
export function NewRulePage({ from }: { from: string | null }) {
  const source = useRule(from);
  return (
    <div>
      <PageHeader title={from ? "Duplicate rule" : "New rule"} />
      <div className="p-4">
        {from && source.isPending ? (
          <Spinner label="Loading the rule to duplicate" />
        ) : from && source.isError ? (
          <ErrorBox>{errorMessage(source.error)}</ErrorBox>
        ) : (
          <RuleEditor
            initial={source.data ? {
              name: `${source.data.name} (copy)`, description: source.data.description, severity: source.data.severity, kind: source.data.kind,
              definition: source.data.definition, mitre: source.data.mitre, equivalents: source.data.equivalents, remediation: source.data.remediation, references: source.data.references,
            } : EMPTY_DRAFT}
          />
        )}
      </div>
    </div>
  );
}
