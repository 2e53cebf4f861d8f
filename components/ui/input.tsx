import type { ComponentProps } from "react";
import { cn } from "./cn";

const FIELD =
  "rounded border border-line bg-panel px-2 text-xs text-fg placeholder:text-muted/70 " +
  "focus:border-accent focus:outline-none disabled:opacity-50";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(FIELD, "h-7", className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(FIELD, "h-7 pr-6", className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(FIELD, "py-1.5", className)} {...props} />;
}

export function Label({ className, ...props }: ComponentProps<"label">) {
  return <label className={cn("text-[11px] font-medium tracking-wide text-muted uppercase", className)} {...props} />;
}
