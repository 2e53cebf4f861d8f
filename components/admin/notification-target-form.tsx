"use client";

import { TriangleAlert } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { NOTIFY_SEVERITIES, type NewNotificationTarget, type NotifySeverity } from "@/lib/client/notifications";

export const EMPTY_TARGET: NewNotificationTarget = { name: "", url: "", minSeverity: "high", enabled: true, allowPrivateNetwork: false };

type Props = {
  idPrefix: string;
  initial: NewNotificationTarget;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (t: NewNotificationTarget, reset: () => void) => void;
  onCancel?: () => void;
};

export function NotificationTargetForm({ idPrefix, initial, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [t, setT] = useState(initial);
  const id = (k: string) => `${idPrefix}-${k}`;
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onSubmit({ ...t, name: t.name.trim(), url: t.url.trim() }, () => setT(initial));
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label={submitLabel}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-0.5">
          <Label htmlFor={id("name")}>Name</Label>
          <Input id={id("name")} required maxLength={200} value={t.name} onChange={(e) => setT({ ...t, name: e.target.value })} placeholder="#sec-oncall" className="w-48" />
        </div>
        <div className="flex min-w-72 flex-1 flex-col gap-0.5">
          <Label htmlFor={id("url")}>Webhook URL</Label>
          <Input id={id("url")} required type="url" maxLength={2048} value={t.url} onChange={(e) => setT({ ...t, url: e.target.value })} placeholder="https://hooks.slack.com/services/…" className="font-mono" />
        </div>
        <div className="flex flex-col gap-0.5">
          <Label htmlFor={id("severity")}>Minimum severity</Label>
          <Select id={id("severity")} value={t.minSeverity} onChange={(e) => setT({ ...t, minSeverity: e.target.value as NotifySeverity })}>
            {NOTIFY_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4 text-xs">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={t.enabled} onChange={(e) => setT({ ...t, enabled: e.target.checked })} />
          Enabled
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={t.allowPrivateNetwork} onChange={(e) => setT({ ...t, allowPrivateNetwork: e.target.checked })} />
          Allow private network addresses
        </label>
      </div>
      {t.allowPrivateNetwork && (
        <p role="note" className="flex items-start gap-1.5 rounded border border-amber-500/50 bg-amber-500/10 p-2 text-xs" data-testid="private-network-warning">
          <TriangleAlert className="mt-0.5 size-3.5 shrink-0 text-amber-500" aria-hidden />
          <span>
            Crowsnest will then post to private, loopback and link-local addresses (10.x, 192.168.x, 127.x, …): use it only for a webhook receiver you
            run inside your network. Cloud metadata addresses stay refused. Whoever can edit this target can make the server send requests into that
            network.
          </span>
        </p>
      )}
      {error ? <ErrorBox>{errorMessage(error)}</ErrorBox> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={pending || !t.name.trim() || !t.url.trim()}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
