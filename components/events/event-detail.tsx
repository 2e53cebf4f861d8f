"use client";

import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { LayerBadge, SeverityBadge } from "@/components/ui/domain-badges";
import type { EntityKind, TimeRange } from "@/lib/client/entity-links";
import { formatTsZone } from "@/lib/client/format";
import type { StoredEvent } from "@/lib/client/types";
import { EntityLink } from "./entity-link";
import { EventFieldRow, type FilterFn } from "./event-field-row";

/** Every top-level field except message/attributes/flags, with the query field it filters on. */
const FIELDS: { key: keyof StoredEvent; field?: string; time?: boolean; entity?: EntityKind }[] = [
  { key: "id" },
  { key: "ts", time: true },
  { key: "receivedAt", time: true },
  { key: "cluster", field: "cluster", entity: "cluster" },
  { key: "layer", field: "layer" },
  { key: "source", field: "source" },
  { key: "severity", field: "severity" },
  { key: "node", field: "node", entity: "node" },
  { key: "namespace", field: "namespace", entity: "namespace" },
  { key: "pod", field: "pod", entity: "pod" },
  { key: "container", field: "container" },
  { key: "workload", field: "workload" },
  { key: "actor", field: "actor" },
  { key: "actorType", field: "actor_type" },
  { key: "impersonated", field: "impersonated" },
  { key: "verb", field: "verb" },
  { key: "resource", field: "resource" },
  { key: "subresource", field: "subresource" },
  { key: "objectName", field: "object_name" },
  { key: "code", field: "code" },
  { key: "sourceIp", field: "source_ip" },
];

/** Attribute keys the query language can address as attributes.<key>. */
const ATTR_KEY = /^[A-Za-z0-9_@$-]+$/;

function asText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="mt-4">
      <div className="mb-1.5 flex items-center gap-2">
        <h3 className="text-[10.5px] font-semibold tracking-wider text-muted uppercase">{title}</h3>
        <div className="ml-auto">{actions}</div>
      </div>
      {children}
    </section>
  );
}

type Props = { event: StoredEvent; onFilter?: FilterFn; range?: TimeRange };

export function EventDetail({ event, onFilter, range }: Props) {
  const raw = JSON.stringify(event, null, 2);
  const attributes = Object.entries(event.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const flags = event.flags ?? [];

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <LayerBadge layer={event.layer} />
        <SeverityBadge severity={event.severity} />
        <span className="font-mono text-xs text-muted">{formatTsZone(event.ts)}</span>
      </div>
      <div className="mt-2 flex items-start gap-2 rounded border border-line bg-panel-2 p-2">
        <p className="min-w-0 flex-1 font-mono text-xs break-words whitespace-pre-wrap" data-testid="event-message">
          {event.message}
        </p>
        <CopyButton value={event.message} label="Copy message" />
      </div>

      <Section title="Fields">
        <dl>
          {FIELDS.map(({ key, field, time, entity }) => {
            const value = asText(event[key]);
            const display = time && value ? `${value}  (${formatTsZone(value)})` : entity && value ? <EntityLink kind={entity} event={event} range={range} /> : undefined;
            return <EventFieldRow key={key} name={key} value={value} display={display} field={field} onFilter={onFilter} />;
          })}
          {flags.length === 0 ? (
            <EventFieldRow name="flags" value="" />
          ) : (
            flags.map((f) => <EventFieldRow key={f} name="flags" value={f} field="flags" onFilter={onFilter} />)
          )}
        </dl>
      </Section>

      <Section title={`Attributes (${attributes.length})`} actions={<CopyButton value={JSON.stringify(event.attributes ?? {}, null, 2)} label="Copy attributes" showText />}>
        {attributes.length === 0 ? (
          <p className="text-xs text-muted">No attributes.</p>
        ) : (
          <dl>
            {attributes.map(([k, v]) => {
              const scalar = v === null || ["string", "number", "boolean"].includes(typeof v);
              const filterable = ATTR_KEY.test(k) && scalar && v !== null;
              return <EventFieldRow key={k} name={k} value={asText(v)} field={filterable ? `attributes.${k}` : undefined} onFilter={onFilter} />;
            })}
          </dl>
        )}
      </Section>

      <Section title="Raw JSON" actions={<CopyButton value={raw} label="Copy raw JSON" showText />}>
        <pre className="max-h-[32rem] overflow-auto rounded border border-line bg-panel-2 p-2 font-mono text-[11px] leading-snug" data-testid="event-raw">
          {raw}
        </pre>
      </Section>
    </div>
  );
}
