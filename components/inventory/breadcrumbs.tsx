import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { Fragment } from "react";

export type Crumb = { label: string; href?: string; kind?: string };

/** Where an entity page sits: Clusters › cluster › namespace › pod. The last crumb is the page itself. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="min-w-0">
      <ol className="flex min-w-0 flex-wrap items-center gap-1 text-xs">
        {items.map((c, i) => {
          const last = i === items.length - 1;
          return (
            <Fragment key={`${i}-${c.label}`}>
              {i > 0 && <ChevronRight className="size-3 shrink-0 text-muted" aria-hidden />}
              <li className="flex min-w-0 items-center gap-1">
                {c.kind && <span className="text-[10px] tracking-wide text-muted uppercase">{c.kind}</span>}
                {c.href && !last ? (
                  <Link href={c.href} className="truncate font-mono hover:text-accent hover:underline">
                    {c.label}
                  </Link>
                ) : (
                  <span aria-current={last ? "page" : undefined} className="truncate font-mono font-semibold">
                    {c.label}
                  </span>
                )}
              </li>
            </Fragment>
          );
        })}
      </ol>
    </nav>
  );
}
