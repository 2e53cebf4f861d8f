import type { HTMLAttributes } from "react";
import { cn } from "./cn";

/** Small pill; `tone` classes carry the color so callers can map domain values to colors. */
export function Badge({ className, ...props }: HTMLAttributes<HTMLSpanElement>) {
  return (
    <span
      className={cn(
        "inline-flex h-[18px] items-center rounded-sm border px-1.5 font-mono text-[10.5px] leading-none font-medium whitespace-nowrap uppercase",
        className,
      )}
      {...props}
    />
  );
}
