"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { CreatedToken } from "@/lib/client/types";

/** The plaintext token exists only in this response; the server keeps a hash. */
export function NewTokenBox({ created, onDismiss }: { created: CreatedToken; onDismiss: () => void }) {
  return (
    <div role="status" className="rounded border border-amber-500/50 bg-amber-500/10 p-3">
      <div className="flex items-start gap-2 text-xs">
        <TriangleAlert className="mt-0.5 size-4 shrink-0 text-amber-500" aria-hidden />
        <div className="min-w-0 flex-1">
          <p className="font-semibold">
            Token for cluster <span className="font-mono">{created.cluster}</span>
            {created.name ? (
              <>
                {" "}
                (<span className="font-mono">{created.name}</span>)
              </>
            ) : null}{" "}
            created.
          </p>
          <p className="text-muted">Copy it now: it is shown only once and cannot be retrieved later.</p>
          <div className="mt-2 flex items-center gap-2 rounded border border-line bg-panel p-2">
            <code data-testid="new-token" className="min-w-0 flex-1 font-mono text-xs break-all select-all">
              {created.token}
            </code>
            <CopyButton value={created.token} label="Copy token" showText />
          </div>
        </div>
        <Button size="xs" variant="ghost" onClick={onDismiss}>
          Done
        </Button>
      </div>
    </div>
  );
}
