import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { IncidentStatus } from "@/lib/client/incidents";

const TONE: Record<IncidentStatus, string> = {
  open: "border-red-500/50 bg-red-500/10 text-red-600 dark:text-red-300",
  investigating: "border-amber-500/50 bg-amber-500/10 text-amber-700 dark:text-amber-300",
  contained: "border-sky-500/50 bg-sky-500/10 text-sky-700 dark:text-sky-300",
  resolved: "border-emerald-500/50 bg-emerald-500/10 text-emerald-700 dark:text-emerald-300",
};

export function IncidentStatusBadge({ status, className, ...rest }: { status: IncidentStatus; className?: string; "data-testid"?: string }) {
  return (
    <Badge className={cn(TONE[status] ?? "border-line bg-panel-2 text-muted", "normal-case", className)} {...rest}>
      {status}
    </Badge>
  );
}
