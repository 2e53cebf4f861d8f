"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useUpdateThresholds } from "@/lib/client/inventory";
import { LAYERS, type Layer } from "@/lib/events/types";

/** Admins set, per layer, how many minutes of silence make a gap. */
export function ThresholdsForm({ cluster, thresholds }: { cluster: string; thresholds: Record<Layer, number> }) {
  const [draft, setDraft] = useState<Record<Layer, string>>(() => Object.fromEntries(LAYERS.map((l) => [l, String(thresholds[l])])) as Record<Layer, string>);
  const [saved, setSaved] = useState(false);
  const update = useUpdateThresholds(cluster);
  const invalid = LAYERS.filter((l) => !/^\d{1,5}$/.test(draft[l]) || Number(draft[l]) < 1 || Number(draft[l]) > 10_080);
  const changed = LAYERS.filter((l) => Number(draft[l]) !== thresholds[l]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (invalid.length || changed.length === 0) return;
    setSaved(false);
    update.mutate(Object.fromEntries(changed.map((l) => [l, Number(draft[l])])) as Partial<Record<Layer, number>>, { onSuccess: () => setSaved(true) });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2 p-3" aria-label="Silence thresholds" data-testid="thresholds-form">
      <div className="flex flex-wrap items-end gap-3">
        {LAYERS.map((l) => (
          <div key={l} className="flex flex-col gap-1">
            <label htmlFor={`threshold-${l}`} className="text-[11px] text-muted">{l} (min)</label>
            <Input id={`threshold-${l}`} inputMode="numeric" value={draft[l]} aria-invalid={invalid.includes(l) || undefined}
              onChange={(e) => setDraft({ ...draft, [l]: e.target.value.trim() })} className="w-24 font-mono" />
          </div>
        ))}
        <Button type="submit" variant="primary" disabled={update.isPending || invalid.length > 0 || changed.length === 0}>
          {update.isPending ? "Saving…" : "Save thresholds"}
        </Button>
        {saved && !update.isPending && <span role="status" className="text-xs text-emerald-600 dark:text-emerald-400">Saved.</span>}
      </div>
      {invalid.length > 0 && <p className="text-xs text-danger">Thresholds are whole minutes from 1 to 10080 (one week).</p>}
      {update.isError && <ErrorBox>{errorMessage(update.error)}</ErrorBox>}
    </form>
  );
}
