import Link from "next/link";
import { cn } from "@/components/ui/cn";
import type { AlertStatusFilter } from "@/lib/client/alerts";

const TABS: { value: AlertStatusFilter; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

export function parseStatusFilter(v: string | null): AlertStatusFilter {
  return TABS.some((t) => t.value === v) ? (v as AlertStatusFilter) : "open";
}

export function AlertStatusTabs({ current }: { current: AlertStatusFilter }) {
  return (
    <nav aria-label="Alert status" className="flex gap-1">
      {TABS.map((t) => {
        const active = t.value === current;
        return (
          <Link
            key={t.value}
            href={`/alerts?status=${t.value}`}
            replace
            scroll={false}
            aria-current={active ? "page" : undefined}
            className={cn(
              "rounded px-2.5 py-1 text-xs font-medium",
              active ? "bg-row-active text-fg ring-1 ring-accent/50" : "text-muted hover:bg-row-hover hover:text-fg",
            )}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
