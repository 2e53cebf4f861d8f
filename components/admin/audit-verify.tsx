"use client";

import { ShieldAlert, ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useVerifyAudit } from "@/lib/client/audit";
import { formatNumber } from "@/lib/client/format";

/** Re-computes every hash of the chain on the server and says whether it still links up. */
export function AuditVerify() {
  const verify = useVerifyAudit();
  const r = verify.data;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded border border-line bg-panel p-3">
      <Button variant="primary" disabled={verify.isPending} onClick={() => verify.mutate()}>
        <ShieldCheck className="size-3.5" aria-hidden />
        {verify.isPending ? "Verifying…" : "Verify chain"}
      </Button>
      {r && (
        <p
          role="status"
          data-testid="audit-verify-result"
          data-ok={r.ok ? "true" : "false"}
          className={r.ok ? "flex items-center gap-1.5 text-xs text-emerald-700 dark:text-emerald-300" : "flex items-center gap-1.5 text-xs font-semibold text-danger"}
        >
          {r.ok ? <ShieldCheck className="size-4" aria-hidden /> : <ShieldAlert className="size-4" aria-hidden />}
          {r.ok
            ? `Chain intact: ${formatNumber(r.checked)} entries checked.`
            : `Chain broken${r.brokenAt != null ? ` at entry ${r.brokenAt}` : ""} (${formatNumber(r.checked)} entries checked). Entries from there on may have been altered.`}
        </p>
      )}
      {verify.isError && <ErrorBox>{errorMessage(verify.error)}</ErrorBox>}
      <p className="ml-auto max-w-md text-[11px] text-muted">
        Each entry stores the hash of the one before it; changing or deleting any entry breaks every hash after it.
      </p>
    </div>
  );
}
