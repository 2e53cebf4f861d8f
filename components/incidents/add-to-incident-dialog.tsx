"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Label, Select } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useAddIncidentAlerts, useCreateIncident, useIncidents } from "@/lib/client/incidents";
import { ALERT_SEVERITIES, type AlertSeverity } from "@/lib/client/types";

type Props = {
  alertIds: number[];
  /** proposed title/severity for a new incident, e.g. from the first alert */
  defaults: { title: string; severity: AlertSeverity };
  onOpenChange: (open: boolean) => void;
  /** called with the incident's key after the alerts were added */
  onDone?: (key: string) => void;
  /** go to the incident page afterwards */
  navigate?: boolean;
};

/** Add alerts to an open incident, or open a new incident with them. */
export function AddToIncidentDialog({ alertIds, defaults, onOpenChange, onDone, navigate }: Props) {
  const router = useRouter();
  const incidents = useIncidents();
  const addAlerts = useAddIncidentAlerts();
  const create = useCreateIncident();
  const open = (incidents.data ?? []).filter((i) => i.status !== "resolved");
  const [mode, setMode] = useState<"existing" | "new">("new");
  const [key, setKey] = useState("");
  const [title, setTitle] = useState(defaults.title);
  const [severity, setSeverity] = useState<AlertSeverity>(defaults.severity);
  const pending = addAlerts.isPending || create.isPending;
  const error = addAlerts.error ?? create.error;
  const n = alertIds.length;

  function finish(k: string) {
    onDone?.(k);
    onOpenChange(false);
    if (navigate) router.push(`/incidents/${encodeURIComponent(k)}`);
  }

  // mutateAsync: the refetch that follows may unmount whoever opened this dialog before a mutate callback would run
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (mode === "existing") {
      if (key && (await addAlerts.mutateAsync({ key, alertIds }).then(() => true, () => false))) finish(key);
    } else if (title.trim()) {
      const inc = await create.mutateAsync({ title: title.trim(), severity, alertIds }).catch(() => null);
      if (inc) finish(inc.key);
    }
  }

  return (
    <Dialog open onOpenChange={onOpenChange} title={`Add ${n} alert${n === 1 ? "" : "s"} to an incident`}>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-label="Add to incident">
        <fieldset className="flex gap-4 text-xs">
          <legend className="sr-only">Incident</legend>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="incident-mode" checked={mode === "new"} onChange={() => setMode("new")} />
            New incident
          </label>
          <label className="flex items-center gap-1.5">
            <input type="radio" name="incident-mode" checked={mode === "existing"} onChange={() => setMode("existing")} disabled={open.length === 0} />
            Existing incident{incidents.isSuccess && open.length === 0 ? " (none open)" : ""}
          </label>
        </fieldset>
        {mode === "existing" ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor="incident-pick">Incident</Label>
            <Select id="incident-pick" value={key} onChange={(e) => setKey(e.target.value)} required>
              <option value="" disabled>
                Choose…
              </option>
              {open.map((i) => (
                <option key={i.key} value={i.key}>
                  {i.key} · {i.title} ({i.status})
                </option>
              ))}
            </Select>
          </div>
        ) : (
          <>
            <div className="flex flex-col gap-1">
              <Label htmlFor="incident-title">Title</Label>
              <Input id="incident-title" required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="incident-severity">Severity</Label>
              <Select id="incident-severity" value={severity} onChange={(e) => setSeverity(e.target.value as AlertSeverity)}>
                {ALERT_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </div>
          </>
        )}
        {error && <ErrorBox>{errorMessage(error)}</ErrorBox>}
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={pending || (mode === "existing" ? !key : !title.trim())}>
            {mode === "existing" ? "Add to incident" : "Create incident"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The highest severity among alerts: a new incident starts at least that severe. */
export function maxSeverity(severities: AlertSeverity[]): AlertSeverity {
  let best = 0;
  for (const s of severities) best = Math.max(best, ALERT_SEVERITIES.indexOf(s));
  return ALERT_SEVERITIES[best];
}
