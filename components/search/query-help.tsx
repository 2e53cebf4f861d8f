"use client";

import { CircleHelp } from "lucide-react";
import { Popover } from "./popover";
import { FIELD_ALIASES, FIELDS } from "@/lib/search/query/fields";

const EXAMPLES: [string, string][] = [
  ["exec", "a word anywhere in message, actor, object, pod, namespace, node"],
  ["/etc/shadow", "punctuation splits words: shadow finds it too; 10.0.2.17 stays one word"],
  ['"permission denied"', "an exact phrase"],
  ["namespace:payments", "a field equals a value"],
  ["pod:api-*", "wildcard (keyword fields and words)"],
  ['actor:"system:serviceaccount:payments:api"', "quote values with spaces or colons"],
  ["verb:(create OR patch)", "several values of one field"],
  ["code>=400", "comparisons on numbers and times: > >= < <="],
  ["source_ip:10.0.0.0/8", "CIDR ranges"],
  ["_exists_:pod", "the field has a value"],
  ["-verb:get   NOT layer:node", "exclude"],
  ["a OR (b AND c)", "boolean logic; adjacent terms are ANDed; keywords upper case"],
  ["attributes.user.groups:system:masters", "any path of the original record"],
  ["attributes.userAgent:/curl|wget/i", "regular expression (unanchored; i = ignore case)"],
  ["attributes.requestObject.spec.containers.image:nginx*", "arrays on a path are searched element by element; a * segment matches every member"],
  ["flags:audit-id-reused", "markers added at ingest"],
];

const KEYS: [string, string][] = [
  ["/", "focus the search box"],
  ["j / k", "next / previous row"],
  ["Enter", "open the selected event"],
  ["Esc", "close the drawer or context view"],
  ["?", "this help"],
];

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

/** The query language, documented where it is typed ("?" button, or the "?" key). */
export function QueryHelp({ open, onOpenChange }: Props) {
  return (
    <Popover
      open={open}
      onOpenChange={onOpenChange}
      label="Search help"
      className="w-[34rem] max-w-[calc(100vw-2rem)] p-3 text-xs"
      trigger={
        <button
          type="button"
          aria-label="Search help"
          title="Search syntax (?)"
          className="inline-flex size-8 shrink-0 items-center justify-center rounded border border-line bg-panel-2 text-muted hover:bg-row-hover hover:text-fg"
        >
          <CircleHelp className="size-4" aria-hidden />
        </button>
      }
    >
      <h2 className="mb-2 text-sm font-semibold">Search syntax</h2>
      <dl className="grid grid-cols-[minmax(0,15rem)_1fr] gap-x-3 gap-y-1">
        {EXAMPLES.map(([q, what]) => (
          <div key={q} className="contents">
            <dt className="truncate font-mono text-accent" title={q}>{q}</dt>
            <dd className="text-muted">{what}</dd>
          </div>
        ))}
      </dl>
      <h3 className="mt-3 mb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Fields</h3>
      <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-0.5">
        {Object.entries(FIELDS).map(([name, def]) => (
          <div key={name} className="contents">
            <dt className="font-mono">{name}</dt>
            <dd className="text-muted">
              {def.description} <span className="text-muted/70">({def.kind})</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-muted">
        Aliases:{" "}
        {Object.entries(FIELD_ALIASES).map(([a, t], i) => (
          <span key={a} className="font-mono">
            {i > 0 ? ", " : ""}
            {a}→{t}
          </span>
        ))}
      </p>
      <h3 className="mt-3 mb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Keyboard</h3>
      <dl className="grid grid-cols-[5rem_1fr] gap-x-3 gap-y-0.5">
        {KEYS.map(([k, what]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-line bg-panel-2 px-1 font-mono text-[10.5px]">{k}</kbd>
            </dt>
            <dd className="text-muted">{what}</dd>
          </div>
        ))}
      </dl>
    </Popover>
  );
}
