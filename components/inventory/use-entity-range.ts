"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { TimeRange } from "@/lib/client/entity-links";
import type { EntityRange } from "@/lib/client/inventory";
import { DEFAULT_FROM, DEFAULT_TO } from "@/lib/client/time";

/**
 * The entity pages keep their time range in the URL (?from=&to=), so every
 * page is a shareable link; `links` is what entity links carry onward (only
 * what the URL has, so default ranges keep links short).
 */
export function useEntityRange() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const rawFrom = sp.get("from");
  const rawTo = sp.get("to");
  const range: EntityRange = useMemo(() => ({ from: rawFrom || DEFAULT_FROM, to: rawTo || DEFAULT_TO }), [rawFrom, rawTo]);
  const links: TimeRange = useMemo(() => ({ from: rawFrom, to: rawTo }), [rawFrom, rawTo]);

  /** Sets URL parameters (null removes one); the range and any page-specific ones such as ?container=. */
  const setParams = useCallback(
    (patch: Record<string, string | null>, mode: "push" | "replace" = "push") => {
      const next = new URLSearchParams(sp.toString());
      for (const [k, v] of Object.entries(patch)) {
        if (v === null || v === "") next.delete(k);
        else next.set(k, v);
      }
      const s = next.toString();
      const url = s ? `${pathname}?${s}` : pathname;
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [sp, router, pathname],
  );
  const setRange = useCallback((from: string, to: string) => setParams({ from, to }), [setParams]);
  return { range, links, setRange, setParams, param: (k: string) => sp.get(k) };
}
