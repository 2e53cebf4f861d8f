import type { AlertSeverity, AlertStatus, Layer, Severity } from "@/lib/client/types";
import { Badge } from "./badge";
import { cn } from "./cn";

const LAYER_TONE: Record<Layer, string> = {
  audit: "border-sky-500/40 bg-sky-500/10 text-sky-600 dark:text-sky-300",
  "k8s-event": "border-violet-500/40 bg-violet-500/10 text-violet-600 dark:text-violet-300",
  container: "border-teal-500/40 bg-teal-500/10 text-teal-700 dark:text-teal-300",
  node: "border-amber-500/40 bg-amber-500/10 text-amber-700 dark:text-amber-300",
  runtime: "border-rose-500/40 bg-rose-500/10 text-rose-600 dark:text-rose-300",
};

/** Same hues as the badges, for the histogram bars. */
export const LAYER_COLOR: Record<Layer, string> = {
  audit: "#0ea5e9",
  "k8s-event": "#8b5cf6",
  container: "#14b8a6",
  node: "#f59e0b",
  runtime: "#f43f5e",
};

const SEVERITY_TONE: Record<Severity, string> = {
  debug: "border-zinc-500/30 bg-transparent text-zinc-500",
  info: "border-slate-500/40 bg-slate-500/10 text-slate-600 dark:text-slate-300",
  notice: "border-cyan-500/40 bg-cyan-500/10 text-cyan-700 dark:text-cyan-300",
  warning: "border-amber-500/50 bg-amber-500/15 text-amber-700 dark:text-amber-300",
  error: "border-orange-500/50 bg-orange-500/15 text-orange-700 dark:text-orange-300",
  critical: "border-red-500/60 bg-red-500/20 text-red-700 dark:text-red-300",
  alert: "border-red-600 bg-red-600 text-white",
  emergency: "border-fuchsia-600 bg-fuchsia-600 text-white",
};

const ALERT_SEVERITY_TONE: Record<AlertSeverity, string> = {
  low: "border-slate-500/40 bg-slate-500/10 text-slate-600 dark:text-slate-300",
  medium: "border-amber-500/50 bg-amber-500/15 text-amber-700 dark:text-amber-300",
  high: "border-orange-500/60 bg-orange-500/20 text-orange-700 dark:text-orange-300",
  critical: "border-red-600 bg-red-600 text-white",
};

const STATUS_TONE: Record<AlertStatus, string> = {
  open: "border-red-500/50 bg-red-500/10 text-red-600 dark:text-red-300",
  acknowledged: "border-amber-500/50 bg-amber-500/10 text-amber-700 dark:text-amber-300",
  resolved: "border-emerald-500/50 bg-emerald-500/10 text-emerald-700 dark:text-emerald-300",
};

const FALLBACK = "border-line bg-panel-2 text-muted";

export function LayerBadge({ layer }: { layer: Layer }) {
  return <Badge className={LAYER_TONE[layer] ?? FALLBACK}>{layer}</Badge>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  return <Badge className={SEVERITY_TONE[severity] ?? FALLBACK}>{severity}</Badge>;
}

export function AlertSeverityBadge({ severity }: { severity: AlertSeverity }) {
  return <Badge className={ALERT_SEVERITY_TONE[severity] ?? FALLBACK}>{severity}</Badge>;
}

export function StatusBadge({ status, className, ...rest }: { status: AlertStatus; className?: string; "data-testid"?: string }) {
  return (
    <Badge className={cn(STATUS_TONE[status] ?? FALLBACK, "normal-case", className)} {...rest}>
      {status}
    </Badge>
  );
}
