"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { EventSearch } from "@/lib/client/events";
import { DEFAULT_FROM, DEFAULT_TO } from "@/lib/client/time";

type Patch = Partial<Record<"q" | "from" | "to" | "event", string | null>>;

/** The timeline's state is the URL, so every view is a shareable link. */
export function useTimelineParams() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  const q = sp.get("q") ?? "";
  const from = sp.get("from") || DEFAULT_FROM;
  const to = sp.get("to") || DEFAULT_TO;
  const eventId = sp.get("event") || null;

  const search: EventSearch = useMemo(() => ({ q, from, to }), [q, from, to]);

  const update = useCallback(
    (patch: Patch, mode: "push" | "replace" = "push") => {
      const next = new URLSearchParams(sp.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      const s = next.toString();
      const url = s ? `${pathname}?${s}` : pathname;
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [sp, router, pathname],
  );

  return { search, eventId, update };
}
