"use client";

import Link from "next/link";
import { TimeAgo } from "@/components/ingest/time-ago";
import { Td } from "@/components/ui/table";
import { namespaceHref, nodeHref, podHref, type TimeRange } from "@/lib/client/entity-links";
import { formatNumber, formatTs } from "@/lib/client/format";
import { useNamespaceList, useNodeList, usePodList } from "@/lib/client/inventory";
import { SortableTable, useListQuery } from "./sortable-table";

/** An entity not heard from for an hour is shown as gone (it stays listed with its last-seen time). */
const GONE_AFTER_MS = 3_600_000;

const link = "font-mono hover:text-accent hover:underline";
const seen = (first: string, last: string) => (
  <>
    <Td className="font-mono whitespace-nowrap text-muted">{formatTs(first)}</Td>
    <Td><TimeAgo iso={last} staleAfterMs={GONE_AFTER_MS} /></Td>
  </>
);

export function NodesTable({ cluster, range }: { cluster: string; range: TimeRange }) {
  const list = useListQuery("name");
  const result = useNodeList(cluster, list.query);
  return (
    <SortableTable
      label="nodes" placeholder="Filter nodes by name" testId="nodes-table" list={list} result={result}
      columns={[{ key: "name", label: "Node", className: "w-full" }, { key: "pods", label: "Pods" }, { key: "firstSeen", label: "First seen" }, { key: "lastSeen", label: "Last seen" }]}
      row={(n) => (
        <tr key={n.name} data-testid="node-row" className="hover:bg-row-hover">
          <Td className="truncate"><Link href={nodeHref(cluster, n.name, range)} className={link}>{n.name}</Link></Td>
          <Td className="text-right font-mono tabular-nums">{formatNumber(n.pods)}</Td>
          {seen(n.firstSeen, n.lastSeen)}
        </tr>
      )}
    />
  );
}

export function NamespacesTable({ cluster, range }: { cluster: string; range: TimeRange }) {
  const list = useListQuery("name");
  const result = useNamespaceList(cluster, list.query);
  return (
    <SortableTable
      label="namespaces" placeholder="Filter namespaces by name" testId="namespaces-table" list={list} result={result}
      columns={[{ key: "name", label: "Namespace", className: "w-full" }, { key: "workloads", label: "Workloads", sortable: false }, { key: "pods", label: "Pods" },
        { key: "firstSeen", label: "First seen" }, { key: "lastSeen", label: "Last seen" }]}
      row={(n) => (
        <tr key={n.name} data-testid="namespace-row" className="hover:bg-row-hover">
          <Td className="truncate"><Link href={namespaceHref(cluster, n.name, range)} className={link}>{n.name}</Link></Td>
          <Td className="text-right font-mono tabular-nums">{formatNumber(n.workloads)}</Td>
          <Td className="text-right font-mono tabular-nums">{formatNumber(n.pods)}</Td>
          {seen(n.firstSeen, n.lastSeen)}
        </tr>
      )}
    />
  );
}

/** Pods of a cluster, or of one namespace or node; gone pods stay with their last-seen time. */
export function PodsTable({ cluster, range, namespace, node }: { cluster: string; range: TimeRange; namespace?: string; node?: string }) {
  const list = useListQuery("lastSeen", "desc");
  const result = usePodList(cluster, list.query, { namespace, node });
  return (
    <SortableTable
      label="pods" placeholder="Filter pods by pod or workload name" testId="pods-table" list={list} result={result}
      columns={[
        { key: "name", label: "Pod", className: "w-full" },
        ...(namespace ? [] : [{ key: "namespace", label: "Namespace" }]),
        { key: "workload", label: "Workload" },
        ...(node ? [] : [{ key: "node", label: "Node" }]),
        { key: "containers", label: "Containers", sortable: false },
        { key: "firstSeen", label: "First seen" },
        { key: "lastSeen", label: "Last seen" },
      ]}
      row={(p) => (
        <tr key={`${p.namespace}/${p.name}`} data-testid="pod-row" className="hover:bg-row-hover">
          <Td className="max-w-[22rem] truncate" title={p.name}><Link href={podHref(cluster, p.namespace, p.name, range)} className={link}>{p.name}</Link></Td>
          {!namespace && <Td className="truncate"><Link href={namespaceHref(cluster, p.namespace, range)} className={link}>{p.namespace}</Link></Td>}
          <Td className="max-w-[12rem] truncate font-mono">{p.workload ?? <span className="text-muted/60">—</span>}</Td>
          {!node && (
            <Td className="max-w-[16rem] truncate" title={p.node ?? undefined}>
              {p.node ? <Link href={nodeHref(cluster, p.node, range)} className={link}>{p.node}</Link> : <span className="text-muted/60">—</span>}
            </Td>
          )}
          <Td className="text-right font-mono tabular-nums">{p.containers}</Td>
          {seen(p.firstSeen, p.lastSeen)}
        </tr>
      )}
    />
  );
}
