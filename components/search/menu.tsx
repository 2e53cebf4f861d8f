"use client";

import * as DM from "@radix-ui/react-dropdown-menu";
import { Check } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Radix dropdown menu styled like the console; `trigger` must be a single button element. */
export function Menu({ trigger, children, label, className }: { trigger: ReactNode; children: ReactNode; label: string; className?: string }) {
  return (
    <DM.Root>
      <DM.Trigger asChild>{trigger}</DM.Trigger>
      <DM.Portal>
        <DM.Content
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label={label}
          className={cn("z-50 min-w-52 rounded-md border border-line bg-panel p-1 text-xs text-fg shadow-2xl", className)}
        >
          {children}
        </DM.Content>
      </DM.Portal>
    </DM.Root>
  );
}

const ITEM = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[highlighted]:bg-row-hover data-[disabled]:opacity-50";

export function MenuItem({ children, onSelect, disabled }: { children: ReactNode; onSelect: () => void; disabled?: boolean }) {
  return (
    <DM.Item className={ITEM} onSelect={onSelect} disabled={disabled}>
      {children}
    </DM.Item>
  );
}

export function MenuCheckbox({ children, checked, onChange, disabled }: { children: ReactNode; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  return (
    <DM.CheckboxItem
      className={ITEM}
      checked={checked}
      disabled={disabled}
      onCheckedChange={(v) => onChange(v === true)}
      // Keep the menu open so several columns can be toggled in a row.
      onSelect={(e) => e.preventDefault()}
    >
      <span className="flex size-3.5 items-center justify-center rounded-sm border border-line">
        <DM.ItemIndicator>
          <Check className="size-3" aria-hidden />
        </DM.ItemIndicator>
      </span>
      {children}
    </DM.CheckboxItem>
  );
}

export function MenuSeparator() {
  return <DM.Separator className="my-1 h-px bg-line" />;
}

export function MenuLabel({ children }: { children: ReactNode }) {
  return <DM.Label className="px-2 pt-1.5 pb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">{children}</DM.Label>;
}
