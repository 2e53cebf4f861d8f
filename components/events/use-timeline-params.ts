"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { applyTimelinePatch, parseTimelineState, urlWith, type TimelinePatch } from "@/lib/client/timeline-url";

/** The timeline's state is the URL, so every view is a shareable link (see lib/client/timeline-url). */
export function useTimelineParams() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const key = sp.toString();

  const state = useMemo(() => parseTimelineState(new URLSearchParams(key)), [key]);
  // Stable identity per state so memoized children do not re-render on unrelated renders.
  const { q, from, to } = state.search;
  const search = useMemo(() => ({ q, from, to }), [q, from, to]);

  const update = useCallback(
    (patch: TimelinePatch, mode: "push" | "replace" = "push") => {
      const url = urlWith(pathname, applyTimelinePatch(new URLSearchParams(key), patch));
      if (mode === "push") router.push(url, { scroll: false });
      else router.replace(url, { scroll: false });
    },
    [key, router, pathname],
  );

  return { ...state, search, params: key, pathname, update };
}
