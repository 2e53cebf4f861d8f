"use client";

import { CalendarRange } from "lucide-react";
import { useState } from "react";
import { Popover } from "@/components/search/popover";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { resolveTime } from "@/lib/client/time";

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A Date as the value of <input type="datetime-local"> (the viewer's zone, seconds). */
function toLocalInput(d: Date | null): string {
  if (!d) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

type Props = { from: string; to: string; timeZone: string; onApply: (from: string, to: string) => void };

/** Picks an absolute window with the browser's date-time inputs, in the viewer's time zone; applies ISO-8601. */
export function AbsoluteRange({ from, to, timeZone, onApply }: Props) {
  const [open, setOpen] = useState(false);
  const [f, setF] = useState("");
  const [t, setT] = useState("");
  const fd = f ? new Date(f) : null;
  const td = t ? new Date(t) : null;
  const valid = !!fd && !!td && !Number.isNaN(fd.getTime()) && !Number.isNaN(td.getTime()) && fd < td;

  return (
    <Popover
      open={open}
      onOpenChange={(o) => {
        if (o) {
          setF(toLocalInput(resolveTime(from)));
          setT(toLocalInput(resolveTime(to)));
        }
        setOpen(o);
      }}
      label="Absolute time range"
      align="start"
      className="w-72 p-3 text-xs"
      trigger={
        <Button title="Pick an absolute range">
          <CalendarRange className="size-3.5" aria-hidden />
          Absolute
        </Button>
      }
    >
      <div className="flex flex-col gap-2">
        <Label htmlFor="abs-from">From</Label>
        <input id="abs-from" type="datetime-local" step={1} value={f} onChange={(e) => setF(e.target.value)} className="h-7 rounded border border-line bg-panel px-2 font-mono text-xs" />
        <Label htmlFor="abs-to">To</Label>
        <input id="abs-to" type="datetime-local" step={1} value={t} onChange={(e) => setT(e.target.value)} className="h-7 rounded border border-line bg-panel px-2 font-mono text-xs" />
        <p className="text-[11px] text-muted">In your time zone{timeZone ? ` (${timeZone})` : ""}; the link stores UTC.</p>
        <Button
          variant="primary"
          className="justify-center"
          disabled={!valid}
          onClick={() => {
            setOpen(false);
            onApply(fd!.toISOString(), td!.toISOString());
          }}
        >
          Apply range
        </Button>
      </div>
    </Popover>
  );
}
