"use client";

import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { useTimeZone } from "@/components/ui/use-time-zone";
import { errorMessage } from "@/lib/client/api";
import { useAlerts } from "@/lib/client/alerts";
import { AlertStatusTabs, parseStatusFilter } from "./alert-status-tabs";
import { AlertsTable } from "./alerts-table";

function AlertsListView() {
  const status = parseStatusFilter(useSearchParams().get("status"));
  const alerts = useAlerts(status);
  const tz = useTimeZone();

  return (
    <div>
      <PageHeader title="Alerts">
        {tz && <span className="text-[11px] text-muted">Time zone: {tz}</span>}
      </PageHeader>
      <div className="flex flex-col gap-3 p-4">
        <AlertStatusTabs current={status} />
        <section aria-label="Alerts" className="rounded border border-line bg-panel">
          {alerts.isPending ? (
            <Spinner className="p-4" label="Loading alerts" />
          ) : alerts.isError ? (
            <ErrorBox className="m-3">{errorMessage(alerts.error)}</ErrorBox>
          ) : alerts.data.length === 0 ? (
            <EmptyState>No {status === "all" ? "" : `${status} `}alerts.</EmptyState>
          ) : (
            <AlertsTable alerts={alerts.data} />
          )}
        </section>
      </div>
    </div>
  );
}

export function AlertsList() {
  return (
    <Suspense fallback={<Spinner className="p-4" label="Loading alerts" />}>
      <AlertsListView />
    </Suspense>
  );
}
