"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** The browser's IANA zone; empty during SSR so the server never guesses the viewer's zone. */
export function useTimeZone(): string {
  return useSyncExternalStore(
    noop,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "",
  );
}

/** True once hydrated; use to render locale/zone-dependent text only in the browser. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noop, () => true, () => false);
}
