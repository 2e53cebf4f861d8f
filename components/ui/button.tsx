import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-accent text-accent-fg border-accent hover:brightness-110",
  secondary: "bg-panel-2 text-fg border-line hover:bg-row-hover",
  ghost: "bg-transparent text-muted border-transparent hover:bg-row-hover hover:text-fg",
  danger: "bg-transparent text-danger border-danger/50 hover:bg-danger/10",
} as const;

const SIZES = {
  sm: "h-7 px-2.5 text-xs gap-1.5",
  xs: "h-6 px-2 text-[11px] gap-1",
  icon: "h-7 w-7 justify-center p-0",
} as const;

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
};

export function Button({ variant = "secondary", size = "sm", className, type = "button", ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={cn(
        "inline-flex shrink-0 items-center rounded border font-medium whitespace-nowrap transition-colors",
        "disabled:pointer-events-none disabled:opacity-50",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
