"use client";

import { Dialog } from "@/components/ui/dialog";
import { QUEUE_SHORTCUTS } from "./use-queue-keyboard";

export function KeyboardHelpDialog({ onOpenChange }: { onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open onOpenChange={onOpenChange} title="Keyboard shortcuts" description="Shortcuts work when no text field has the focus.">
      <table className="w-full text-xs" data-testid="keyboard-help">
        <tbody>
          {QUEUE_SHORTCUTS.map((s) => (
            <tr key={s.action} className="border-b border-line/60 last:border-b-0">
              <td className="py-1.5 pr-3 whitespace-nowrap">
                {s.keys.map((k) => (
                  <kbd key={k} className="mr-1 rounded border border-line bg-panel-2 px-1.5 py-0.5 font-mono text-[11px]">
                    {k}
                  </kbd>
                ))}
              </td>
              <td className="py-1.5">{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
