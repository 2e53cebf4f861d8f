"use client";

import { cn } from "@/components/ui/cn";
import { errorMessage } from "@/lib/client/api";
import { useToggleRule } from "@/lib/client/rules";

/** An accessible on/off switch that enables or disables a rule at once. */
export function EnabledSwitch({ id, enabled, disabled, compact }: { id: string; enabled: boolean; disabled?: boolean; compact?: boolean }) {
  const toggle = useToggleRule();
  const on = toggle.isPending && toggle.variables?.id === id ? toggle.variables.enabled : enabled;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label={on ? "Enabled (click to disable)" : "Disabled (click to enable)"}
        data-testid="rule-enabled"
        disabled={disabled || toggle.isPending}
        onClick={() => toggle.mutate({ id, enabled: !on })}
        className={cn(
          "relative inline-flex h-4 w-7 shrink-0 items-center rounded-full border transition-colors disabled:cursor-not-allowed disabled:opacity-60",
          on ? "border-accent bg-accent" : "border-line bg-panel-2",
        )}
      >
        <span className={cn("inline-block size-3 rounded-full bg-white shadow transition-transform", on ? "translate-x-3" : "translate-x-0.5")} />
      </button>
      {!compact && <span className="text-xs">{on ? "Enabled" : "Disabled"}</span>}
      {toggle.isError && <span className="text-xs text-danger">{errorMessage(toggle.error)}</span>}
    </span>
  );
}
