"use client";

import * as RD from "@radix-ui/react-dialog";
import { X } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

type Props = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
  /** "drawer" slides in from the right (event detail), "modal" is a small centered box. */
  variant?: "modal" | "drawer";
  headerExtra?: ReactNode;
};

export function Dialog({ open, onOpenChange, title, description, children, className, variant = "modal", headerExtra }: Props) {
  const drawer = variant === "drawer";
  return (
    <RD.Root open={open} onOpenChange={onOpenChange}>
      <RD.Portal>
        <RD.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <RD.Content
          className={cn(
            "fixed z-50 flex flex-col border-line bg-panel text-fg shadow-2xl focus:outline-none",
            drawer
              ? "inset-y-0 right-0 w-full max-w-[760px] border-l"
              : "top-1/2 left-1/2 w-[calc(100vw-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 rounded-md border",
            className,
          )}
        >
          <div className="flex items-center gap-2 border-b border-line px-4 py-2.5">
            <RD.Title className="min-w-0 flex-1 truncate text-sm font-semibold">{title}</RD.Title>
            {headerExtra}
            <RD.Close className="rounded p-1 text-muted hover:bg-row-hover hover:text-fg" aria-label="Close">
              <X className="size-4" aria-hidden />
            </RD.Close>
          </div>
          {description ? (
            <RD.Description className="px-4 pt-3 text-xs text-muted">{description}</RD.Description>
          ) : (
            <RD.Description className="sr-only">{typeof title === "string" ? title : "Details"}</RD.Description>
          )}
          <div className={cn("min-h-0 flex-1 px-4 py-3", drawer && "overflow-y-auto")}>{children}</div>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
