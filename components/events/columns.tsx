import type { ReactNode } from "react";
import { LayerBadge, SeverityBadge } from "@/components/ui/domain-badges";
import type { TimeRange } from "@/lib/client/entity-links";
import { formatTs } from "@/lib/client/format";
import { NO_HIGHLIGHT, termsFor, type HighlightTerms } from "@/lib/client/highlight";
import type { StoredEvent } from "@/lib/client/types";
import { EntityLink } from "./entity-link";
import { HighlightText } from "./highlight-text";

/** What a cell needs besides its event: terms to highlight and the range entity links carry. */
export type CellContext = { terms: HighlightTerms; range?: TimeRange };

export type ColumnDef = {
  id: string;
  label: string;
  /** px; the message column takes what is left (table-layout: fixed keeps widths stable while scrolling). */
  width: number | null;
  render: (e: StoredEvent, c: CellContext) => ReactNode;
  title?: (e: StoredEvent) => string | undefined;
};

const dash = <span className="text-muted/60">—</span>;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Compact, locale-independent local time for the table ("11-27 01:12:10.123"); the full ISO time is the cell's title. */
export function formatCellTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

function text(prop: keyof StoredEvent): (e: StoredEvent, c: CellContext) => ReactNode {
  return function textCell(e, c) {
    const v = e[prop];
    if (v === null || v === undefined || v === "") return dash;
    return <HighlightText text={String(v)} terms={termsFor(c.terms, prop)} />;
  };
}

function entity(kind: "cluster" | "node" | "namespace" | "pod"): (e: StoredEvent, c: CellContext) => ReactNode {
  return function entityCell(e, c) {
    return <EntityLink variant="cell" kind={kind} event={e} range={c.range} terms={termsFor(c.terms, kind)} />;
  };
}

/** Every column the table can show; ids are the URL's `columns=` values. */
export const COLUMNS: ColumnDef[] = [
  { id: "ts", label: "Time", width: 150, render: (e) => <time dateTime={e.ts}>{formatCellTime(e.ts)}</time>, title: (e) => `${e.ts} (${formatTs(e.ts)})` },
  { id: "layer", label: "Layer", width: 94, render: (e) => <LayerBadge layer={e.layer} /> },
  { id: "severity", label: "Severity", width: 94, render: (e) => <SeverityBadge severity={e.severity} /> },
  { id: "cluster", label: "Cluster", width: 110, render: entity("cluster"), title: (e) => e.cluster },
  { id: "node", label: "Node", width: 150, render: entity("node"), title: (e) => e.node ?? undefined },
  { id: "namespace", label: "Namespace", width: 110, render: entity("namespace"), title: (e) => e.namespace ?? undefined },
  { id: "pod", label: "Pod", width: 160, render: entity("pod"), title: (e) => e.pod ?? undefined },
  { id: "container", label: "Container", width: 120, render: text("container"), title: (e) => e.container ?? undefined },
  { id: "workload", label: "Workload", width: 140, render: text("workload"), title: (e) => e.workload ?? undefined },
  { id: "actor", label: "Actor", width: 170, render: text("actor"), title: (e) => e.actor ?? undefined },
  { id: "actor_type", label: "Actor type", width: 100, render: text("actorType") },
  { id: "verb", label: "Verb", width: 80, render: text("verb") },
  {
    id: "resource",
    label: "Resource",
    width: 120,
    render: (e, c) => {
      const v = e.subresource ? `${e.resource ?? ""}/${e.subresource}` : e.resource;
      return v ? <HighlightText text={v} terms={[...termsFor(c.terms, "resource"), ...(c.terms.fields.subresource ?? [])]} /> : dash;
    },
  },
  { id: "object_name", label: "Object", width: 150, render: text("objectName"), title: (e) => e.objectName ?? undefined },
  { id: "code", label: "Code", width: 56, render: text("code") },
  { id: "source_ip", label: "Source IP", width: 120, render: text("sourceIp") },
  { id: "source", label: "Source", width: 100, render: text("source") },
  { id: "flags", label: "Flags", width: 150, render: (e) => (e.flags?.length ? e.flags.join(", ") : dash), title: (e) => e.flags?.join(", ") },
  {
    id: "message",
    label: "Message",
    width: null,
    // Cells are one line; the first 1,000 characters are plenty and keep highlighting cheap.
    render: (e, c) => <HighlightText text={e.message.slice(0, 1000)} terms={termsFor(c.terms, "message")} />,
    title: (e) => e.message.slice(0, 2000),
  },
];

export const COLUMN_BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));

/**
 * Audit messages already read "actor verb resource target → code", so the
 * defaults leave room for the message; cluster, actor, verb… are one click away.
 */
export const DEFAULT_COLUMNS = ["ts", "layer", "severity", "namespace", "pod", "message"];

/**
 * The columns to show: the URL's list (unknown ids dropped), time always first, message last.
 * Ids are query field names, so a saved search can store them.
 */
export function resolveColumns(ids: readonly string[] | null): ColumnDef[] {
  const wanted = (ids && ids.length > 0 ? ids : DEFAULT_COLUMNS).filter((id) => COLUMN_BY_ID.has(id));
  const ordered = ["ts", ...wanted.filter((id) => id !== "ts" && id !== "message"), ...(wanted.includes("message") ? ["message"] : [])];
  return [...new Set(ordered)].map((id) => COLUMN_BY_ID.get(id)!);
}

export function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export const DEFAULT_CELL_CONTEXT: CellContext = { terms: NO_HIGHLIGHT };
