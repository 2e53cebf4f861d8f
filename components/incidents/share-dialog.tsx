"use client";

import { Link2, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { Label, Select } from "@/components/ui/input";
import { ErrorBox, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { formatTsZone } from "@/lib/client/format";
import { useCreateShare, useIncidentShares, useRevokeShare, type IncidentShare } from "@/lib/client/incidents";

const EXPIRIES = [
  { hours: 1, label: "1 hour" },
  { hours: 24, label: "24 hours" },
  { hours: 72, label: "3 days" },
  { hours: 168, label: "7 days" },
  { hours: 720, label: "30 days" },
];

function shareState(s: IncidentShare, now: number): "revoked" | "expired" | "active" {
  if (s.revokedAt) return "revoked";
  return new Date(s.expiresAt).getTime() <= now ? "expired" : "active";
}

function SharesList({ incidentKey }: { incidentKey: string }) {
  const shares = useIncidentShares(incidentKey);
  const revoke = useRevokeShare();
  // eslint-disable-next-line react-hooks/purity -- "expired" only needs to be right when the list renders
  const now = Date.now();
  if (shares.isPending) return <Spinner label="Loading share links" />;
  if (shares.isError) return <ErrorBox>{errorMessage(shares.error)}</ErrorBox>;
  if (shares.data.length === 0) return <p className="text-xs text-muted">No share links yet.</p>;
  return (
    <ul className="flex flex-col" data-testid="share-links">
      {shares.data.map((s) => {
        const state = shareState(s, now);
        return (
          <li key={s.id} data-testid="share-link" className="flex flex-wrap items-center gap-2 border-b border-line/60 py-1.5 text-xs last:border-b-0">
            <Badge className={state === "active" ? "border-emerald-500/50 text-emerald-700 normal-case dark:text-emerald-300" : "border-line text-muted normal-case"}>{state}</Badge>
            <span className="text-muted">
              {state === "revoked" ? `revoked ${formatTsZone(s.revokedAt)}` : `expires ${formatTsZone(s.expiresAt)}`}
              {s.createdBy ? ` · by ${s.createdBy.email}` : ""}
              {typeof s.openCount === "number" ? ` · opened ${s.openCount}×` : ""}
            </span>
            {state === "active" && (
              <Button size="xs" variant="danger" className="ml-auto" disabled={revoke.isPending} onClick={() => revoke.mutate(s.id)}>
                Revoke
              </Button>
            )}
          </li>
        );
      })}
      {revoke.isError && <ErrorBox>{errorMessage(revoke.error)}</ErrorBox>}
    </ul>
  );
}

/**
 * Read-only external links. The token is in the URL and the server keeps only
 * its hash, so the URL is shown once, here, and never again.
 */
export function ShareDialog({ incidentKey, onOpenChange }: { incidentKey: string; onOpenChange: (open: boolean) => void }) {
  const create = useCreateShare(incidentKey);
  const [hours, setHours] = useState(24);
  const created = create.data;
  const url = created ? new URL(created.url, window.location.origin).toString() : null;
  return (
    <Dialog open onOpenChange={onOpenChange} title={`Share ${incidentKey}`} className="max-w-xl" description="Anyone with the link can read this incident (no login) until it expires or is revoked. They cannot change anything.">
      <div className="flex flex-col gap-3">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(hours);
          }}
        >
          <div className="flex flex-col gap-0.5">
            <Label htmlFor="share-expiry">Expires after</Label>
            <Select id="share-expiry" value={hours} onChange={(e) => setHours(Number(e.target.value))}>
              {EXPIRIES.map((x) => (
                <option key={x.hours} value={x.hours}>
                  {x.label}
                </option>
              ))}
            </Select>
          </div>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            <Link2 className="size-3.5" aria-hidden />
            Create share link
          </Button>
        </form>
        {create.isError && <ErrorBox>{errorMessage(create.error)}</ErrorBox>}
        {url && created && (
          <div role="status" className="rounded border border-amber-500/50 bg-amber-500/10 p-2 text-xs">
            <p className="mb-1 flex items-center gap-1.5 font-semibold">
              <TriangleAlert className="size-3.5 text-amber-500" aria-hidden />
              Copy the link now: it is shown only once. Expires {formatTsZone(created.expiresAt)}.
            </p>
            <div className="flex items-center gap-2 rounded border border-line bg-panel p-1.5">
              <code data-testid="share-url" className="min-w-0 flex-1 font-mono break-all select-all">
                {url}
              </code>
              <CopyButton value={url} label="Copy share link" showText />
            </div>
          </div>
        )}
        <div>
          <h3 className="mb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Share links</h3>
          <SharesList incidentKey={incidentKey} />
        </div>
      </div>
    </Dialog>
  );
}
