"use client";

import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { formatAgo, useNow } from "@/components/ingest/time-ago";
import type { Coverage } from "@/lib/client/inventory";

/**
 * A red banner while a layer of the cluster is silent: logging that stopped is
 * the first thing an attacker disables (OWASP: "logging disabled"). Until the
 * rules engine raises an alert for it, this banner is the alarm.
 */
export function SilentBanner({ cluster, coverage, coverageHref, compact }: { cluster: string; coverage: Coverage; coverageHref?: string; compact?: boolean }) {
  const now = useNow();
  const silent = coverage.layers.filter((l) => l.status === "silent");
  if (silent.length === 0) return null;
  if (compact) {
    return (
      <div role="alert" data-testid="silent-banner" className="flex items-center gap-2 rounded border border-red-700 bg-red-600 px-2 py-1 text-[11px] text-white">
        <TriangleAlert className="size-3.5 shrink-0" aria-hidden />
        <span className="min-w-0 truncate">
          <span className="font-semibold">Logging gap:</span> {silent.map((l) => l.layer).join(", ")} silent
        </span>
        {coverageHref && <Link href={coverageHref} className="ml-auto shrink-0 font-semibold underline">Coverage</Link>}
      </div>
    );
  }
  return (
    <div role="alert" data-testid="silent-banner" className="flex items-start gap-2 rounded border border-red-700 bg-red-600 px-3 py-2 text-xs text-white">
      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="min-w-0">
        <span className="font-semibold">Logging gap in {cluster}: </span>
        {silent.map((l, i) => (
          <span key={l.layer}>
            {i > 0 && "; "}
            <span className="font-mono font-semibold">{l.layer}</span> silent
            {l.lastSeen && now ? ` for ${formatAgo(now - Date.parse(l.lastSeen)).replace(" ago", "")}` : ""} (threshold {l.thresholdMinutes} min)
          </span>
        ))}
        . Check the shipper, the agent&apos;s DaemonSet and the audit policy.
        {coverageHref && (
          <Link href={coverageHref} className="ml-2 font-semibold underline">
            Coverage
          </Link>
        )}
      </div>
    </div>
  );
}
