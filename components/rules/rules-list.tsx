"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { FileUp, Plus, ShieldOff } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useRules } from "@/lib/client/rules";
import { hasRole, type RoleName } from "@/lib/auth/roles";
import { RULE_KINDS, RULE_ORIGINS } from "@/lib/detect/types";
import { RulesTable } from "./rules-table";
import { SigmaImportDialog } from "./sigma-import-dialog";

export function RulesList({ role }: { role: RoleName }) {
  const rules = useRules();
  const [q, setQ] = useState("");
  const [kind, setKind] = useState("");
  const [origin, setOrigin] = useState("");
  const [state, setState] = useState("");
  const [importing, setImporting] = useState(false);
  const canEdit = hasRole(role, "analyst");

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (rules.data ?? []).filter(
      (r) =>
        (!kind || r.kind === kind) &&
        (!origin || r.origin === origin) &&
        (!state || (state === "enabled") === r.enabled) &&
        (!needle || [r.id, r.name, r.description, ...r.equivalents, ...r.mitre].some((s) => s.toLowerCase().includes(needle))),
    );
  }, [rules.data, q, kind, origin, state]);

  const enabled = rules.data?.filter((r) => r.enabled).length ?? 0;

  return (
    <div>
      <PageHeader title="Detection rules">
        <Link href="/rules/suppressions" className="inline-flex h-7 items-center gap-1.5 rounded border border-line bg-panel-2 px-2.5 text-xs font-medium hover:bg-row-hover">
          <ShieldOff className="size-3.5" aria-hidden /> Suppressions
        </Link>
        {canEdit && (
          <>
            <Button onClick={() => setImporting(true)}>
              <FileUp className="size-3.5" aria-hidden /> Import Sigma
            </Button>
            <Link href="/rules/new" className="inline-flex h-7 items-center gap-1.5 rounded border border-accent bg-accent px-2.5 text-xs font-medium text-accent-fg hover:brightness-110">
              <Plus className="size-3.5" aria-hidden /> New rule
            </Link>
          </>
        )}
      </PageHeader>
      <div className="flex flex-wrap items-center gap-2 border-b border-line bg-panel px-4 py-2">
        <Input aria-label="Filter rules" placeholder="Filter by name, id, MITRE id or equivalent (falco:…, sigma:…)" value={q} onChange={(e) => setQ(e.target.value)} className="w-96" />
        <Select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">every kind</option>
          {RULE_KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
        </Select>
        <Select aria-label="Origin" value={origin} onChange={(e) => setOrigin(e.target.value)}>
          <option value="">every origin</option>
          {RULE_ORIGINS.map((k) => <option key={k} value={k}>{k}</option>)}
        </Select>
        <Select aria-label="State" value={state} onChange={(e) => setState(e.target.value)}>
          <option value="">enabled and disabled</option>
          <option value="enabled">enabled</option>
          <option value="disabled">disabled</option>
        </Select>
        {rules.data && (
          <span className="ml-auto text-xs text-muted" data-testid="rules-count">
            {shown.length} of {rules.data.length} rules · {enabled} enabled
          </span>
        )}
      </div>
      <section aria-label="Rules" className="m-4 rounded border border-line bg-panel">
        {rules.isPending ? (
          <Spinner className="p-4" label="Loading rules" />
        ) : rules.isError ? (
          <ErrorBox className="m-3">{errorMessage(rules.error)}</ErrorBox>
        ) : shown.length === 0 ? (
          <EmptyState>No rule matches these filters.</EmptyState>
        ) : (
          <RulesTable rules={shown} canEdit={canEdit} />
        )}
      </section>
      {canEdit && <SigmaImportDialog open={importing} onOpenChange={setImporting} />}
    </div>
  );
}
