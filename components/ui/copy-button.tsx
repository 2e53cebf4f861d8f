"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { copyText } from "@/lib/client/clipboard";
import { cn } from "./cn";

export function CopyButton({ value, label, className, showText }: { value: string; label: string; className?: string; showText?: boolean }) {
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(t);
  }, [copied]);

  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={async (e) => {
        e.stopPropagation();
        setCopied(await copyText(value));
      }}
      className={cn(
        "inline-flex h-6 shrink-0 items-center gap-1 rounded px-1.5 text-[11px] text-muted hover:bg-row-hover hover:text-fg",
        className,
      )}
    >
      {copied ? <Check className="size-3.5 text-emerald-500" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      {showText && <span>{copied ? "Copied" : "Copy"}</span>}
      <span className="sr-only" aria-live="polite">
        {copied ? "Copied" : ""}
      </span>
    </button>
  );
}
