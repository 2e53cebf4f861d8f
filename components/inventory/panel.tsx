import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A titled section of an entity page; `count` is shown beside the title. */
export function Panel({
  title, count, actions, children, className, id, testId,
}: { title: string; count?: number | string; actions?: ReactNode; children: ReactNode; className?: string; id?: string; testId?: string }) {
  return (
    <section id={id} aria-label={title} data-testid={testId} className={cn("min-w-0 rounded border border-line bg-panel", className)}>
      <div className="flex min-h-9 items-center gap-2 border-b border-line px-3 py-1.5">
        <h2 className="text-[10.5px] font-semibold tracking-wider text-muted uppercase">
          {title}
          {count !== undefined && <span className="ml-1.5 font-mono text-fg">{count}</span>}
        </h2>
        {actions && <div className="ml-auto flex items-center gap-2">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** A label/value pair for the facts strip at the top of an entity page. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-[10.5px] font-semibold tracking-wider text-muted uppercase">{label}</dt>
      <dd className="truncate font-mono text-xs">{children ?? <span className="text-muted/60">—</span>}</dd>
    </div>
  );
}
