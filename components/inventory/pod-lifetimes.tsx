"use client";

import Link from "next/link";
import { EmptyState } from "@/components/ui/states";
import { namespaceHref, podHref, type TimeRange } from "@/lib/client/entity-links";
import { formatTsZone } from "@/lib/client/format";
import type { PodRow } from "@/lib/client/inventory";

/**
 * Pods seen on a node over time: one bar per pod from first to last seen,
 * drawn against the page's range (bars leaving the range are clipped).
 */
export function PodLifetimes({ cluster, pods, from, to, range }: { cluster: string; pods: PodRow[]; from: string; to: string; range: TimeRange }) {
  if (pods.length === 0) return <EmptyState>No pod was ever seen on this node.</EmptyState>;
  const a = Date.parse(from);
  const b = Date.parse(to);
  const span = Math.max(1, b - a);
  const pct = (t: number) => Math.min(100, Math.max(0, ((t - a) / span) * 100));
  return (
    <div className="max-h-[28rem] overflow-auto" data-testid="pod-lifetimes">
      <table className="w-full border-collapse text-xs">
        <tbody>
          {pods.map((p) => {
            const s = pct(Date.parse(p.firstSeen));
            const e = pct(Date.parse(p.lastSeen));
            const outside = Date.parse(p.lastSeen) < a || Date.parse(p.firstSeen) > b;
            return (
              <tr key={`${p.namespace}/${p.name}`} data-testid="node-pod" className="hover:bg-row-hover">
                <td className="w-[22rem] max-w-[22rem] truncate border-b border-line/60 px-2 py-1 font-mono" title={`${p.namespace}/${p.name}`}>
                  <Link href={namespaceHref(cluster, p.namespace, range)} className="text-muted hover:text-accent hover:underline">{p.namespace}</Link>
                  <span className="text-muted">/</span>
                  <Link href={podHref(cluster, p.namespace, p.name, range)} className="hover:text-accent hover:underline">{p.name}</Link>
                </td>
                <td className="border-b border-line/60 px-2 py-1">
                  <div className="relative h-3 rounded-sm bg-panel-2" title={`${formatTsZone(p.firstSeen)} → ${formatTsZone(p.lastSeen)}`}>
                    {!outside && <div className="absolute inset-y-0 rounded-sm bg-accent/60" style={{ left: `${s}%`, width: `${Math.max(0.5, e - s)}%` }} />}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
