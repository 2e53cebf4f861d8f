"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useAuditLog } from "@/lib/client/audit";
import { AuditTable } from "./audit-table";
import { AuditVerify } from "./audit-verify";

/** Actions the app writes today, offered as suggestions; any text can be typed. */
const KNOWN_ACTIONS = [
  "user.create", "user.update", "token.create", "token.revoke",
  "alert.status", "alert.assign", "alert.bulk", "alert.note",
  "incident.create", "incident.update", "incident.alerts.add", "incident.evidence.add", "incident.evidence.remove", "incident.export",
  "share.create", "share.open", "share.revoke",
  "notify.target.create", "notify.target.update", "notify.target.delete", "notify.target.test",
];

function AuditView() {
  const sp = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const action = sp.get("action") ?? "";
  const [draft, setDraft] = useState(action);
  const log = useAuditLog(action);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <div>
      <PageHeader title="Audit trail" />
      <div className="flex flex-col gap-3 p-4">
        <AuditVerify />
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label="Filter audit trail"
          onSubmit={(e) => {
            e.preventDefault();
            const a = draft.trim();
            router.replace(a ? `${pathname}?action=${encodeURIComponent(a)}` : pathname, { scroll: false });
          }}
        >
          <div className="flex flex-col gap-0.5">
            <Label htmlFor="audit-action">Action</Label>
            <Input id="audit-action" list="audit-actions" value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="e.g. alert.status" className="w-64 font-mono" />
            <datalist id="audit-actions">
              {KNOWN_ACTIONS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </div>
          <Button type="submit">Filter</Button>
          {action && (
            <Button
              variant="ghost"
              onClick={() => {
                setDraft("");
                router.replace(pathname, { scroll: false });
              }}
            >
              Clear
            </Button>
          )}
        </form>
        <section aria-label="Audit entries" className="rounded border border-line bg-panel">
          {log.isPending ? (
            <Spinner className="p-4" label="Loading audit trail" />
          ) : log.isError ? (
            <ErrorBox className="m-3">{errorMessage(log.error)}</ErrorBox>
          ) : entries.length === 0 ? (
            <EmptyState>No entries{action ? ` for action ${action}` : ""}.</EmptyState>
          ) : (
            <AuditTable entries={entries} />
          )}
          {log.hasNextPage && (
            <div className="border-t border-line p-2 text-center">
              <Button size="xs" disabled={log.isFetchingNextPage} onClick={() => log.fetchNextPage()}>
                {log.isFetchingNextPage ? "Loading…" : "Older entries"}
              </Button>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

export function AuditAdmin() {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading audit trail" />}>
      <AuditView />
    </Suspense>
  );
}
