"use client";

import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useCreateNotificationTarget, useNotificationTargets } from "@/lib/client/notifications";
import { EMPTY_TARGET, NotificationTargetForm } from "./notification-target-form";
import { NotificationTargetsTable } from "./notifications-targets-table";

export function NotificationsAdmin() {
  const targets = useNotificationTargets();
  const create = useCreateNotificationTarget();
  return (
    <div>
      <PageHeader title="Notifications" />
      <div className="flex flex-col gap-3 p-4">
        <section aria-label="Add webhook target" className="rounded border border-line bg-panel p-3">
          <h2 className="mb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Add webhook target</h2>
          <p className="mb-2 text-xs text-muted">
            New high and critical alerts are posted as Slack-compatible JSON (<code className="font-mono">text</code> + <code className="font-mono">blocks</code>).
            Slack, Mattermost and Rocket.Chat incoming webhooks accept it.
          </p>
          <NotificationTargetForm
            idPrefix="new-target"
            initial={EMPTY_TARGET}
            submitLabel="Add target"
            pending={create.isPending}
            error={create.error}
            onSubmit={(t, reset) => create.mutate(t, { onSuccess: reset })}
          />
        </section>
        <section aria-label="Webhook targets" className="rounded border border-line bg-panel">
          {targets.isPending ? (
            <Spinner className="p-4" label="Loading targets" />
          ) : targets.isError ? (
            <ErrorBox className="m-3">{errorMessage(targets.error)}</ErrorBox>
          ) : targets.data.length === 0 ? (
            <EmptyState>No webhook targets yet.</EmptyState>
          ) : (
            <NotificationTargetsTable targets={targets.data} />
          )}
        </section>
      </div>
    </div>
  );
}
