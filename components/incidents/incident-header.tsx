"use client";

import { Download, Pencil, Share2, UserRoundCheck } from "lucide-react";
import { useState, type FormEvent } from "react";
import { AssigneeSelect } from "@/components/alerts/assignee-picker";
import { PermalinkButton } from "@/components/alerts/permalink-button";
import { Button } from "@/components/ui/button";
import { AlertSeverityBadge } from "@/components/ui/domain-badges";
import { Input, Label, Select } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useMe } from "@/lib/client/auth";
import { formatTsZone } from "@/lib/client/format";
import { INCIDENT_STATUSES, incidentHref, reportHref, useUpdateIncident, type IncidentSummary } from "@/lib/client/incidents";
import { ALERT_SEVERITIES } from "@/lib/client/types";
import { IncidentStatusBadge } from "./incident-badges";
import { ShareDialog } from "./share-dialog";

function TitleEditor({ incident, onDone }: { incident: IncidentSummary; onDone: () => void }) {
  const update = useUpdateIncident(incident.key);
  const [title, setTitle] = useState(incident.title);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (title.trim() === incident.title) return onDone();
    update.mutate({ title: title.trim() }, { onSuccess: onDone });
  }
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2">
      <Label htmlFor="incident-title-edit" className="sr-only">
        Title
      </Label>
      <Input id="incident-title-edit" autoFocus required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} className="w-[28rem] max-w-full text-sm" />
      <Button type="submit" variant="primary" disabled={update.isPending || !title.trim()}>
        Save
      </Button>
      <Button variant="ghost" onClick={onDone}>
        Cancel
      </Button>
      {update.isError && <ErrorBox>{errorMessage(update.error)}</ErrorBox>}
    </form>
  );
}

export function IncidentHeader({ incident, canEdit }: { incident: IncidentSummary; canEdit: boolean }) {
  const update = useUpdateIncident(incident.key);
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState(false);

  return (
    <div className="flex flex-col gap-2 rounded border border-line bg-panel p-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-mono text-xs text-muted" data-testid="incident-key">
          {incident.key}
        </span>
        <PermalinkButton path={incidentHref(incident.key)} label="Copy link to this incident" />
        <span className="text-[11px] text-muted">opened {formatTsZone(incident.createdAt)}</span>
        <div className="ml-auto flex flex-wrap gap-2">
          <a href={reportHref(incident.key, "md")} download className="inline-flex h-7 items-center gap-1.5 rounded border border-line bg-panel-2 px-2.5 text-xs font-medium hover:bg-row-hover">
            <Download className="size-3.5" aria-hidden />
            Export Markdown
          </a>
          <a href={reportHref(incident.key, "json")} download className="inline-flex h-7 items-center gap-1.5 rounded border border-line bg-panel-2 px-2.5 text-xs font-medium hover:bg-row-hover">
            <Download className="size-3.5" aria-hidden />
            Export JSON
          </a>
          {canEdit && (
            <Button onClick={() => setSharing(true)}>
              <Share2 className="size-3.5" aria-hidden />
              Share
            </Button>
          )}
        </div>
      </div>
      {editing ? (
        <TitleEditor incident={incident} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex items-start gap-2">
          <h2 className="text-base font-semibold break-words" data-testid="incident-title">
            {incident.title}
          </h2>
          {canEdit && (
            <Button size="icon" variant="ghost" aria-label="Edit title" onClick={() => setEditing(true)}>
              <Pencil className="size-3.5" aria-hidden />
            </Button>
          )}
        </div>
      )}
      {canEdit ? (
        <div className="flex flex-wrap items-end gap-3">
          <ChoiceField id="incident-severity-edit" label="Severity" value={incident.severity} options={ALERT_SEVERITIES} disabled={update.isPending} onChange={(severity) => update.mutate({ severity })} />
          <ChoiceField id="incident-status-edit" label="Status" value={incident.status} options={INCIDENT_STATUSES} disabled={update.isPending} onChange={(status) => update.mutate({ status })} />
          <div className="flex flex-col gap-0.5">
            <Label htmlFor="incident-owner-edit">Owner</Label>
            <AssigneeSelect id="incident-owner-edit" className="w-56" value={incident.owner?.id ?? null} disabled={update.isPending} onChange={(id) => update.mutate({ ownerId: id })} />
          </div>
          {me.data && incident.owner?.id !== me.data.id && (
            <Button disabled={update.isPending} onClick={() => update.mutate({ ownerId: me.data!.id })}>
              <UserRoundCheck className="size-3.5" aria-hidden />
              Take ownership
            </Button>
          )}
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-2 text-xs">
          <AlertSeverityBadge severity={incident.severity} />
          <IncidentStatusBadge status={incident.status} />
          <span className="text-muted">owner</span> <span className="font-mono">{incident.owner?.email ?? "—"}</span>
        </div>
      )}
      {update.isError && !editing && <ErrorBox>{errorMessage(update.error)}</ErrorBox>}
      {sharing && <ShareDialog incidentKey={incident.key} onOpenChange={setSharing} />}
    </div>
  );
}

/** A labelled select over a fixed list of values (severity, status). */
function ChoiceField<T extends string>({ id, label, value, options, disabled, onChange }: { id: string; label: string; value: T; options: readonly T[]; disabled: boolean; onChange: (v: T) => void }) {
  return (
    <div className="flex flex-col gap-0.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </Select>
    </div>
  );
}
