import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { AlertCounts, AlertStatusFilter } from "@/lib/client/alerts";

const TABS: { value: AlertStatusFilter; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

export function parseStatusFilter(v: string | null): AlertStatusFilter {
  return TABS.some((t) => t.value === v) ? (v as AlertStatusFilter) : "open";
}

type TabsProps = {
  current: AlertStatusFilter | null;
  /** keeps the queue's other filters when switching status */
  hrefFor?: (status: AlertStatusFilter) => string;
  counts?: AlertCounts;
};

export function AlertStatusTabs({ current, hrefFor, counts }: TabsProps) {
  return (
    <nav aria-label="Alert status" className="flex gap-1">
      {TABS.map((t) => {
        const active = t.value === current;
        return (
          <Link
            key={t.value}
            href={hrefFor ? hrefFor(t.value) : `/alerts?status=${t.value}`}
            replace
            scroll={false}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded px-2.5 py-1 text-xs font-medium",
              active ? "bg-row-active text-fg ring-1 ring-accent/50" : "text-muted hover:bg-row-hover hover:text-fg",
            )}
          >
            {t.label}
            {counts && t.value !== "all" && <span className="ml-1.5 font-mono text-[10.5px] text-muted tabular-nums">{counts[t.value]}</span>}
          </Link>
        );
      })}
    </nav>
  );
}
