"use client";

import { Send } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorBox } from "@/components/ui/states";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatTs } from "@/lib/client/format";
import {
  useDeleteNotificationTarget,
  useTestNotificationTarget,
  useUpdateNotificationTarget,
  type NotificationTarget,
  type TestResult,
} from "@/lib/client/notifications";
import { NotificationTargetForm } from "./notification-target-form";

/** Webhook URLs carry their secret in the path (Slack's do): show the origin only. */
export function maskedUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname === "/" && !u.search ? u.origin : `${u.origin}/…`;
  } catch {
    return "(invalid URL)";
  }
}

function TestCell({ target }: { target: NotificationTarget }) {
  const test = useTestNotificationTarget();
  const r: TestResult | undefined = test.data;
  return (
    <div className="flex items-center justify-end gap-2">
      {r && (
        <span role="status" data-testid="test-result" className={r.ok ? "text-emerald-700 dark:text-emerald-300" : "text-danger"}>
          {r.ok ? `sent (${r.statusCode ?? "ok"})` : `failed: ${r.error ?? `HTTP ${r.statusCode}`}`}
        </span>
      )}
      {test.isError && <span className="text-danger">{errorMessage(test.error)}</span>}
      <Button size="xs" disabled={test.isPending} onClick={() => test.mutate(target.id)}>
        <Send className="size-3.5" aria-hidden />
        {test.isPending ? "Sending…" : "Send test"}
      </Button>
    </div>
  );
}

function EditDialog({ target, onClose }: { target: NotificationTarget; onClose: () => void }) {
  const update = useUpdateNotificationTarget();
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Edit ${target.name}`} className="max-w-2xl">
      <NotificationTargetForm
        idPrefix="edit-target"
        initial={{ name: target.name, url: target.url, minSeverity: target.minSeverity, enabled: target.enabled, allowPrivateNetwork: target.allowPrivateNetwork }}
        submitLabel="Save target"
        pending={update.isPending}
        error={update.error}
        onSubmit={(t) => update.mutate({ id: target.id, ...t }, { onSuccess: onClose })}
        onCancel={onClose}
      />
    </Dialog>
  );
}

function DeleteDialog({ target, onClose }: { target: NotificationTarget; onClose: () => void }) {
  const del = useDeleteNotificationTarget();
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Delete target?" description="No more notifications will be sent to it.">
      <p className="text-xs">
        <span className="font-semibold">{target.name}</span> <span className="font-mono text-muted">{maskedUrl(target.url)}</span>
      </p>
      {del.isError && <ErrorBox className="mt-2">{errorMessage(del.error)}</ErrorBox>}
      <div className="mt-3 flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" disabled={del.isPending} onClick={() => del.mutate(target.id, { onSuccess: onClose })}>
          Delete
        </Button>
      </div>
    </Dialog>
  );
}

export function NotificationTargetsTable({ targets }: { targets: NotificationTarget[] }) {
  const [editing, setEditing] = useState<NotificationTarget | null>(null);
  const [deleting, setDeleting] = useState<NotificationTarget | null>(null);
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[1000px]">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Destination</Th>
            <Th>Min severity</Th>
            <Th>State</Th>
            <Th>Last delivery</Th>
            <Th className="w-full text-right">Actions</Th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.id} data-testid="notification-target" className="hover:bg-row-hover">
              <TextCell value={t.name} mono={false} />
              <Td className="font-mono" title="The full URL is not shown: it contains the webhook's secret">
                {maskedUrl(t.url)}
              </Td>
              <Td className="font-mono">{t.minSeverity}</Td>
              <Td className="whitespace-nowrap">
                <Badge className={t.enabled ? "border-emerald-500/50 text-emerald-700 normal-case dark:text-emerald-300" : "border-line text-muted normal-case"}>
                  {t.enabled ? "enabled" : "disabled"}
                </Badge>
                {t.allowPrivateNetwork && <Badge className="ml-1 border-amber-500/50 text-amber-700 normal-case dark:text-amber-300">private network</Badge>}
              </Td>
              <Td className="font-mono whitespace-nowrap text-muted">
                {t.lastDelivery
                  ? `${formatTs(t.lastDelivery.at)} · ${t.lastDelivery.error ? `error: ${t.lastDelivery.error}` : `HTTP ${t.lastDelivery.statusCode}`}`
                  : "never"}
              </Td>
              <Td className="text-right">
                <div className="flex items-center justify-end gap-2">
                  <TestCell target={t} />
                  <Button size="xs" onClick={() => setEditing(t)}>
                    Edit
                  </Button>
                  <Button size="xs" variant="danger" onClick={() => setDeleting(t)}>
                    Delete
                  </Button>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {editing && <EditDialog target={editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteDialog target={deleting} onClose={() => setDeleting(null)} />}
    </div>
  );
}
