"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/states";
import { formatNumber } from "@/lib/client/format";
import type { ActorActivity } from "@/lib/client/inventory";

/** The timeline filtered to an actor in this cluster, for the same range. */
function actorSearch(cluster: string, actor: string, range: { from?: string | null; to?: string | null }, denied: boolean) {
  const quote = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  const q = `cluster:${quote(cluster)} AND actor:${quote(actor)}${denied ? " AND code:(401 OR 403)" : ""}`;
  const sp = new URLSearchParams({ q });
  if (range.from) sp.set("from", range.from);
  if (range.to) sp.set("to", range.to);
  return `/events?${sp.toString()}`;
}

/** Ranked actors with a bar for their share; each opens the timeline filtered to them. */
export function TopActors({ cluster, actors, measure, range, testId }: {
  cluster: string; actors: ActorActivity[]; measure: "events" | "denied"; range: { from?: string | null; to?: string | null }; testId: string;
}) {
  if (actors.length === 0) return <EmptyState>{measure === "denied" ? "No denied requests." : "No API activity."}</EmptyState>;
  const max = Math.max(...actors.map((a) => a[measure]), 1);
  return (
    <ol className="flex flex-col gap-1 p-3" data-testid={testId}>
      {actors.map((a) => (
        <li key={a.actor} className="grid grid-cols-[1fr_auto] items-center gap-x-3 text-xs">
          <Link href={actorSearch(cluster, a.actor, range, measure === "denied")} className="truncate font-mono hover:text-accent hover:underline" title={a.actor}>
            {a.actor}
          </Link>
          <span className="font-mono tabular-nums">{formatNumber(a[measure])}</span>
          <div className="col-span-2 h-1 rounded bg-panel-2">
            <div className={measure === "denied" ? "h-1 rounded bg-danger/70" : "h-1 rounded bg-accent/60"} style={{ width: `${(a[measure] / max) * 100}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
