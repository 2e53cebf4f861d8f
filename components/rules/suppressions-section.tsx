"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatNumber, formatShort } from "@/lib/client/format";
import { useCreateSuppression, useRevokeSuppression, useRules, useSuppressions } from "@/lib/client/rules";

type Row = { field: string; values: string };

const FIELDS = ["actor", "namespace", "pod", "cluster", "source_ip", "node", "object_name", "container", "workload", "actor_type", "attributes.userAgent"];

function SuppressionForm({ ruleId }: { ruleId?: string }) {
  const rules = useRules();
  const create = useCreateSuppression();
  const [rule, setRule] = useState(ruleId ?? "");
  const [rows, setRows] = useState<Row[]>([{ field: "actor", values: "" }]);
  const [reason, setReason] = useState("");
  const [days, setDays] = useState(30);
  const match = Object.fromEntries(rows.filter((r) => r.field.trim() && r.values.trim()).map((r) => [r.field.trim(), r.values.split(",").map((v) => v.trim()).filter(Boolean)]));

  return (
    <form
      aria-label="New suppression"
      className="flex flex-col gap-2 border-b border-line p-3"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ ruleId: rule || null, match, reason, expiresInDays: days }, { onSuccess: () => { setReason(""); setRows([{ field: "actor", values: "" }]); } });
      }}
    >
      {!ruleId && (
        <div className="flex flex-col gap-1">
          <Label htmlFor="sup-rule">Rule</Label>
          <Select id="sup-rule" value={rule} onChange={(e) => setRule(e.target.value)}>
            <option value="">every rule</option>
            {rules.data?.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </Select>
        </div>
      )}
      {rows.map((row, i) => (
        <div key={i} className="flex items-end gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor={`sup-field-${i}`}>Field</Label>
            <Input id={`sup-field-${i}`} list="sup-fields" value={row.field} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, field: e.target.value } : r)))} className="w-48 font-mono" />
          </div>
          <div className="flex flex-1 flex-col gap-1">
            <Label htmlFor={`sup-values-${i}`}>Is one of (comma-separated, * wildcard)</Label>
            <Input id={`sup-values-${i}`} value={row.values} onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, values: e.target.value } : r)))} className="font-mono" />
          </div>
          {rows.length > 1 && <Button variant="ghost" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label="Remove condition">×</Button>}
        </div>
      ))}
      <datalist id="sup-fields">{FIELDS.map((f) => <option key={f} value={f} />)}</datalist>
      <div className="flex items-end gap-2">
        <Button variant="ghost" onClick={() => setRows([...rows, { field: "", values: "" }])}>+ and another field</Button>
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor="sup-reason">Reason</Label>
          <Input id="sup-reason" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} placeholder="why these matches are expected" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="sup-days">Expires in (days)</Label>
          <Input id="sup-days" type="number" min={1} max={365} value={days} onChange={(e) => setDays(Number(e.target.value))} className="w-24" />
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending || !Object.keys(match).length || reason.trim().length < 3}>Suppress</Button>
      </div>
      {create.isError && <ErrorBox>{errorMessage(create.error)}</ErrorBox>}
    </form>
  );
}

/** Suppressions of one rule (or of all rules): what they hold back, who made them, until when. */
export function SuppressionsSection({ ruleId, canEdit }: { ruleId?: string; canEdit: boolean }) {
  const list = useSuppressions(ruleId);
  const revoke = useRevokeSuppression();
  return (
    <section aria-label="Suppressions" className="rounded border border-line bg-panel">
      <div className="flex items-center gap-2 border-b border-line px-3 py-2">
        <h2 className="text-xs font-semibold">Suppressions</h2>
        <span className="text-[11px] text-muted">matches with these field values raise no alert until the suppression expires; they are counted here, never dropped</span>
      </div>
      {canEdit && <SuppressionForm ruleId={ruleId} />}
      {list.isPending ? (
        <Spinner className="p-3" label="Loading suppressions" />
      ) : list.isError ? (
        <ErrorBox className="m-3">{errorMessage(list.error)}</ErrorBox>
      ) : list.data.length === 0 ? (
        <EmptyState className="py-4">No suppressions.</EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <Table>
            <thead>
              <tr>
                {!ruleId && <Th>Rule</Th>}
                <Th className="w-full">When</Th>
                <Th>Reason</Th>
                <Th>By</Th>
                <Th>Expires</Th>
                <Th className="text-right">Held back</Th>
                <Th>Last</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {list.data.map((s) => (
                <tr key={s.id} data-testid="suppression-row" className={s.active ? "" : "opacity-60"}>
                  {!ruleId && <Td>{s.ruleId ? <Link className="hover:text-accent hover:underline" href={`/rules/${encodeURIComponent(s.ruleId)}`}>{s.ruleName}</Link> : "every rule"}</Td>}
                  <Td className="font-mono text-[11px]">{s.summary}</Td>
                  <Td className="max-w-[20rem] truncate" title={s.reason}>{s.reason}</Td>
                  <Td>{s.author?.email ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{s.revokedAt ? `revoked ${formatShort(s.revokedAt)}` : s.expiresAt ? (s.active ? formatShort(s.expiresAt) : `expired ${formatShort(s.expiresAt)}`) : "never"}</Td>
                  <Td className="text-right font-mono">{formatNumber(s.suppressed)}</Td>
                  <Td className="whitespace-nowrap text-muted">{s.lastSuppressedAt ? formatShort(s.lastSuppressedAt) : "—"}</Td>
                  <Td>{canEdit && s.active && <Button size="xs" variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)}>Revoke</Button>}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      )}
      {revoke.isError && <ErrorBox className="m-3">{errorMessage(revoke.error)}</ErrorBox>}
    </section>
  );
}
