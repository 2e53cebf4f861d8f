"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Suspense, useState } from "react";
import { EventDrawer } from "@/components/events/event-drawer";
import { EntityLink } from "@/components/events/entity-link";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/input";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { Table, Td, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatShort, formatTs } from "@/lib/client/format";
import { inventoryKeys, useAllCoverage, useCredentials, type CredentialEvent, type CredentialKind } from "@/lib/client/inventory";
import { EntityPageHeader } from "./entity-page-header";
import { Panel } from "./panel";
import { useEntityRange } from "./use-entity-range";

const KIND: Record<CredentialKind, string> = {
  "serviceaccount-token": "service-account token",
  csr: "certificate request",
  "csr-approval": "certificate approval",
  "token-secret": "token Secret",
};

function Acting({ c }: { c: CredentialEvent }) {
  if (c.routine) return <span className="text-muted">not checked (routine)</span>;
  if (!c.identity) return <span className="text-muted">identity unknown</span>;
  if (c.event.code !== null && c.event.code >= 400) return <span className="text-muted">request denied</span>;
  if (!c.seenActing) return <span className="text-muted">not seen acting</span>;
  const a = c.seenActing;
  return (
    <span className="font-semibold text-amber-700 dark:text-amber-300" title={`first ${formatTs(a.first)}, last ${formatTs(a.last)}`} data-testid="seen-acting">
      yes · {a.requests >= 10_000 ? "10,000+" : a.requests} request{a.requests === 1 ? "" : "s"} · first {formatShort(a.first)}
    </span>
  );
}

function CredentialsBody() {
  const { range, links, setParams, param } = useEntityRange();
  const cluster = param("cluster") ?? "";
  const showRoutine = param("routine") === "show";
  const clusters = useAllCoverage();
  const query = useCredentials({ ...range, cluster });
  const qc = useQueryClient();
  const [openId, setOpenId] = useState<string | null>(null);
  const all = query.data?.credentials ?? [];
  const rows = showRoutine ? all : all.filter((c) => !c.routine);
  const hidden = all.length - rows.length;
  return (
    <div>
      <EntityPageHeader crumbs={[{ label: "Credentials" }]} refreshing={query.isFetching} onRefresh={() => void qc.invalidateQueries({ queryKey: inventoryKeys.all })}>
        <label htmlFor="cred-cluster" className="text-[11px] text-muted">Cluster</label>
        <Select id="cred-cluster" value={cluster} onChange={(e) => setParams({ cluster: e.target.value || null })}>
          <option value="">All clusters</option>
          {(clusters.data ?? []).map((c) => <option key={c.cluster} value={c.cluster}>{c.cluster}</option>)}
        </Select>
        <label className="flex items-center gap-1.5 text-[11px] text-muted">
          <input type="checkbox" checked={showRoutine} onChange={(e) => setParams({ routine: e.target.checked ? "show" : null }, "replace")} />
          Show routine issuance (kubelets, controllers)
        </label>
      </EntityPageHeader>
      <div className="flex flex-col gap-3 p-4">
        <p className="text-xs text-muted">
          Credentials minted through the API live outside the cluster&apos;s stored state (OWASP Kubernetes Top Ten 2025): TokenRequests
          (<span className="font-mono">serviceaccounts/token</span>), CertificateSigningRequests and their approvals, and token Secrets — who created them,
          for which identity, and whether that identity then made API requests.
        </p>
        <Panel title="Credential creation" count={rows.length} testId="credentials"
          actions={hidden > 0 ? <span className="text-[10.5px] text-muted">{hidden} routine hidden</span> : undefined}>
          {query.isError ? (
            <ErrorBox className="m-3">{errorMessage(query.error)}</ErrorBox>
          ) : query.isPending ? (
            <Spinner className="p-3" label="Loading credentials" />
          ) : rows.length === 0 ? (
            <EmptyState>No credential was created through the API in this range{hidden ? " (other than routine issuance)" : ""}.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <Table className="min-w-[1100px]">
                <thead>
                  <tr><Th>Time</Th><Th>Kind</Th><Th>Cluster</Th><Th>Created by</Th><Th>Identity</Th><Th>Later seen acting</Th><Th>Code</Th><Th className="w-full">Details</Th></tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.event.id} data-testid="credential-row" className="cursor-pointer hover:bg-row-hover" onClick={() => setOpenId(c.event.id)}>
                      <Td className="font-mono whitespace-nowrap text-muted">{formatTs(c.event.ts)}</Td>
                      <Td><Badge className="border-line bg-panel-2 text-fg normal-case">{KIND[c.kind]}</Badge></Td>
                      <Td className="font-mono whitespace-nowrap"><EntityLink kind="cluster" event={c.event} range={links} /></Td>
                      <Td className="max-w-[16rem] truncate font-mono" title={c.creator ?? undefined}>{c.creator ?? "—"}</Td>
                      <Td className="max-w-[18rem] truncate font-mono font-semibold" title={c.identity ?? undefined}>{c.identity ?? "—"}</Td>
                      <Td className="text-xs whitespace-nowrap"><Acting c={c} /></Td>
                      <Td className={cn("font-mono", c.event.code !== null && c.event.code >= 400 && "text-danger")}>{c.event.code ?? "—"}</Td>
                      <Td className="max-w-[24rem] truncate font-mono text-[11px]" title={Object.entries(c.details).map(([k, v]) => `${k}: ${v}`).join("\n")}>
                        {Object.entries(c.details).map(([k, v]) => `${k}=${v}`).join(" ") || "—"}
                      </Td>

                    </tr>
                  ))}
                </tbody>
              </Table>
            </div>
          )}
        </Panel>
      </div>
      <EventDrawer eventId={openId} initial={all.find((c) => c.event.id === openId)?.event} onClose={() => setOpenId(null)} range={links} />
    </div>
  );
}

export function CredentialsView() {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading credentials" />}>
      <CredentialsBody />
    </Suspense>
  );
}
