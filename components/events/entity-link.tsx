"use client";

import { SquareArrowOutUpRight } from "lucide-react";
import Link from "next/link";
import { entityHref, type EntityKind, type EntityRef, type TimeRange } from "@/lib/client/entity-links";
import { HighlightText } from "./highlight-text";
import type { HighlightTerm } from "@/lib/client/highlight";

type Props = {
  kind: EntityKind;
  event: EntityRef;
  range?: TimeRange;
  terms?: readonly HighlightTerm[];
  /**
   * "inline": the name is the link (drawer, pages). "cell": the name stays
   * plain text and a small icon links to the entity, so a click anywhere else
   * in the row still opens the event.
   */
  variant?: "inline" | "cell";
};

/** A cluster/node/namespace/pod name that opens its entity page (with the current time range). */
export function EntityLink({ kind, event, range, terms = [], variant = "inline" }: Props) {
  const value = event[kind] ?? null;
  if (!value) return <span className="text-muted/60">—</span>;
  const href = entityHref(kind, event, range);
  const text = <HighlightText text={value} terms={terms} />;
  if (!href) return <span>{text}</span>;
  const stop = { onClick: (e: { stopPropagation: () => void }) => e.stopPropagation(), onKeyDown: (e: { stopPropagation: () => void }) => e.stopPropagation() };

  if (variant === "cell") {
    return (
      // The icon sits at the cell's right edge: one aligned column of links, away from where a row is usually clicked.
      <span className="flex min-w-0 items-center justify-between gap-1">
        <span className="min-w-0 truncate">{text}</span>
        <Link href={href} prefetch={false} aria-label={`Open ${kind} ${value}`} title={`Open ${kind} ${value}`} tabIndex={-1} className="shrink-0 text-muted/70 hover:text-accent" {...stop}>
          <SquareArrowOutUpRight className="size-3" aria-hidden />
        </Link>
      </span>
    );
  }
  return (
    <Link
      href={href}
      prefetch={false}
      title={`Open ${kind} ${value}`}
      {...stop}
      className="text-accent underline decoration-accent/40 decoration-dotted underline-offset-2 hover:decoration-accent hover:decoration-solid"
    >
      {text}
    </Link>
  );
}
