"use client";

import { useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { Activity, type LucideIcon } from "lucide-react";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { EmptyState, ErrorBox, Spinner } from "@/components/ui/states";
import { ApiError, errorMessage } from "@/lib/client/api";
import { clusterHref, namespaceHref, nodeHref, podHref, type EntityRef, type TimeRange } from "@/lib/client/entity-links";
import { inventoryKeys } from "@/lib/client/inventory";
import type { Crumb } from "./breadcrumbs";
import { EntityPageHeader } from "./entity-page-header";

/** Clusters › cluster › node, or › namespace › pod: the path down to the entity `e` names; each link keeps the range. */
export function entityCrumbs(e: EntityRef, links: TimeRange): Crumb[] {
  const crumbs: Crumb[] = [{ label: "Clusters", href: "/clusters" }, { label: e.cluster, kind: "cluster", href: clusterHref(e.cluster, links) }];
  if (e.node) crumbs.push({ label: e.node, kind: "node", href: nodeHref(e.cluster, e.node, links) });
  if (e.namespace) crumbs.push({ label: e.namespace, kind: "namespace", href: namespaceHref(e.cluster, e.namespace, links) });
  if (e.namespace && e.pod) crumbs.push({ label: e.pod, kind: "pod", href: podHref(e.cluster, e.namespace, e.pod, links) });
  return crumbs;
}

/** A link in an entity page's header, e.g. to the entity's timeline or coverage. */
export function HeaderLink({ href, icon: Icon, children }: { href: string; icon: LucideIcon; children: ReactNode }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium text-accent hover:bg-row-hover">
      <Icon className="size-3.5" aria-hidden />
      {children}
    </Link>
  );
}

type EntityPageProps<T> = {
  crumbs: Crumb[];
  /** Header links shown before the Timeline link. */
  actions?: ReactNode;
  /** The events search for this entity; omitted where a page has no single timeline. */
  timeline?: string;
  query: UseQueryResult<T>;
  /** Shown when the API answers 404: the entity has no events, which is not an error. */
  notFound: ReactNode;
  /** Spinner text, e.g. "Loading node"; the Spinner adds the ellipsis. */
  loadingLabel: string;
  children: (data: T) => ReactNode;
};

/**
 * The shell every entity page shares: breadcrumbs and range bar (refresh
 * refetches the whole inventory, since the entity's lists have their own
 * queries), then not-found, error, loading, or the page's panels.
 */
export function EntityPage<T>({ crumbs, actions, timeline, query, notFound, loadingLabel, children }: EntityPageProps<T>) {
  const qc = useQueryClient();
  const data = query.data;
  return (
    <div>
      <EntityPageHeader crumbs={crumbs} refreshing={query.isFetching} onRefresh={() => void qc.invalidateQueries({ queryKey: inventoryKeys.all })}>
        {actions}
        {timeline ? <HeaderLink href={timeline} icon={Activity}>Timeline</HeaderLink> : null}
      </EntityPageHeader>
      {query.isError ? (
        query.error instanceof ApiError && query.error.status === 404 ? (
          <EmptyState>{notFound}</EmptyState>
        ) : (
          <ErrorBox className="m-4">{errorMessage(query.error)}</ErrorBox>
        )
      ) : !data ? (
        <Spinner className="p-4" label={loadingLabel} />
      ) : (
        <div className="flex flex-col gap-3 p-4">{children(data)}</div>
      )}
    </div>
  );
}

/**
 * Wraps a page body that reads the URL's range (useSearchParams) in the
 * Suspense boundary Next.js requires for that, with the same spinner the body
 * shows while its query loads, so the page does not flash two loading states.
 */
export function withRangeBoundary<P extends object>(loadingLabel: string, Body: (props: P) => ReactNode) {
  function EntityPageBoundary(props: P) {
    return (
      <Suspense fallback={<Spinner className="p-4" label={loadingLabel} />}>
        <Body {...props} />
      </Suspense>
    );
  }
  return EntityPageBoundary;
}
