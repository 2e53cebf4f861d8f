"use client";

import * as RP from "@radix-ui/react-popover";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Props = {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  trigger: ReactNode;
  children: ReactNode;
  className?: string;
  align?: "start" | "center" | "end";
  /** Accessible name of the popover panel. */
  label: string;
};

/** A Radix popover styled like the rest of the console; `trigger` must be a single button element. */
export function Popover({ open, onOpenChange, trigger, children, className, align = "end", label }: Props) {
  return (
    <RP.Root open={open} onOpenChange={onOpenChange}>
      <RP.Trigger asChild>{trigger}</RP.Trigger>
      <RP.Portal>
        <RP.Content
          align={align}
          sideOffset={6}
          aria-label={label}
          collisionPadding={8}
          className={cn("z-50 max-h-[var(--radix-popover-content-available-height)] overflow-y-auto rounded-md border border-line bg-panel text-fg shadow-2xl focus:outline-none", className)}
        >
          {children}
        </RP.Content>
      </RP.Portal>
    </RP.Root>
  );
}
