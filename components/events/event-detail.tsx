"use client";

import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { LayerBadge, SeverityBadge } from "@/components/ui/domain-badges";
import { formatTsZone } from "@/lib/client/format";
import type { StoredEvent } from "@/lib/client/types";

/** Every top-level field except `message`/`attributes`, which get their own sections. */
const FIELDS: { key: keyof StoredEvent; time?: boolean }[] = [
  { key: "id" },
  { key: "ts", time: true },
  { key: "receivedAt", time: true },
  { key: "cluster" },
  { key: "layer" },
  { key: "source" },
  { key: "severity" },
  { key: "node" },
  { key: "namespace" },
  { key: "pod" },
  { key: "container" },
  { key: "workload" },
  { key: "actor" },
  { key: "actorType" },
  { key: "impersonated" },
  { key: "verb" },
  { key: "resource" },
  { key: "subresource" },
  { key: "objectName" },
  { key: "code" },
  { key: "sourceIp" },
];

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

function KeyValueRow({ name, value, display }: { name: string; value: string; display?: string }) {
  return (
    <div className="group grid grid-cols-[10rem_1fr_auto] items-start gap-2 border-b border-line/50 py-1 text-xs">
      <dt className="truncate font-mono text-muted" title={name}>
        {name}
      </dt>
      <dd className="min-w-0 font-mono break-all whitespace-pre-wrap">{value === "" ? <span className="text-muted/60">—</span> : (display ?? value)}</dd>
      <div className="opacity-40 group-focus-within:opacity-100 group-hover:opacity-100">
        {value !== "" && <CopyButton value={value} label={`Copy ${name}`} />}
      </div>
    </div>
  );
}

export function EventDetail({ event }: { event: StoredEvent }) {
  const raw = JSON.stringify(event, null, 2);
  const attributes = Object.entries(event.attributes ?? {}).sort(([a], [b]) => a.localeCompare(b));

  return (
    <div>
      <div className="flex flex-wrap items-center gap-2">
        <LayerBadge layer={event.layer} />
        <SeverityBadge severity={event.severity} />
        <span className="font-mono text-xs text-muted">{formatTsZone(event.ts)}</span>
      </div>
      <div className="mt-2 flex items-start gap-2 rounded border border-line bg-panel-2 p-2">
        <p className="min-w-0 flex-1 font-mono text-xs break-words whitespace-pre-wrap">{event.message}</p>
        <CopyButton value={event.message} label="Copy message" />
      </div>

      <Section title="Fields">
        <dl>
          {FIELDS.map(({ key, time }) => {
            const value = asText(event[key]);
            return <KeyValueRow key={key} name={key} value={value} display={time && value ? `${value}  (${formatTsZone(value)})` : undefined} />;
          })}
        </dl>
      </Section>

      <Section title={`Attributes (${attributes.length})`} actions={<CopyButton value={JSON.stringify(event.attributes ?? {}, null, 2)} label="Copy attributes" showText />}>
        {attributes.length === 0 ? (
          <p className="text-xs text-muted">No attributes.</p>
        ) : (
          <dl>
            {attributes.map(([k, v]) => (
              <KeyValueRow key={k} name={k} value={asText(v)} />
            ))}
          </dl>
        )}
      </Section>

      <Section title="Raw JSON" actions={<CopyButton value={raw} label="Copy raw JSON" showText />}>
        <pre className="max-h-[32rem] overflow-auto rounded border border-line bg-panel-2 p-2 font-mono text-[11px] leading-snug">{raw}</pre>
      </Section>
    </div>
  );
}
