"use client";

import { CopyButton } from "@/components/ui/copy-button";
import { useHydrated } from "@/components/ui/use-time-zone";

/** Copies the absolute address of a page (alert, incident) to hand to a colleague; opening it needs a login. */
export function PermalinkButton({ path, label = "Copy link" }: { path: string; label?: string }) {
  const hydrated = useHydrated();
  return <CopyButton value={hydrated ? `${window.location.origin}${path}` : path} label={label} showText />;
}
