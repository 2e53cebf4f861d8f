import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

export function Table({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return <table className={cn("w-full border-collapse text-xs", className)} {...props} />;
}

export function Th({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn(
        "sticky top-0 z-10 border-b border-line bg-panel-2 px-2 py-1.5 text-left text-[10.5px] font-semibold tracking-wide whitespace-nowrap text-muted uppercase",
        className,
      )}
      {...props}
    />
  );
}

export function Td({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("border-b border-line/60 px-2 py-1 align-middle", className)} {...props} />;
}

/** A cell for a possibly-null short string: truncated, full value on hover, dash when empty. */
export function TextCell({ value, className, mono = true }: { value: string | null | undefined; className?: string; mono?: boolean }) {
  return (
    <Td className={cn("max-w-[14rem] truncate", mono && "font-mono", className)} title={value ?? undefined}>
      {value ? value : <span className="text-muted/60">—</span>}
    </Td>
  );
}
