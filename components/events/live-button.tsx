"use client";

import { Pause, Play } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

type Props = { live: boolean; onToggle: () => void; lastPollAt: number | null; error: boolean };

/** Live tail toggle: "Live" starts polling, "Pause" stops it; shows how fresh the tail is. */
export function LiveButton({ live, onToggle, lastPollAt, error }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [live]);
  const age = lastPollAt ? Math.max(0, (now - lastPollAt) / 1000) : null;

  return (
    <div className="flex items-center gap-2">
      {live && (
        <span className={cn("inline-flex items-center gap-1.5 text-[11px]", error ? "text-danger" : "text-muted")} data-testid="live-status">
          <span className={cn("size-2 rounded-full", error ? "bg-danger" : "animate-pulse bg-emerald-500")} aria-hidden />
          {error ? "tail failing, retrying" : age === null ? "connecting…" : `live · ${age.toFixed(1)} s ago`}
        </span>
      )}
      <Button variant={live ? "primary" : "secondary"} onClick={onToggle} aria-pressed={live} title={live ? "Stop following new events" : "Follow new events as they arrive"}>
        {live ? <Pause className="size-3.5" aria-hidden /> : <Play className="size-3.5" aria-hidden />}
        {live ? "Pause" : "Live"}
      </Button>
    </div>
  );
}
