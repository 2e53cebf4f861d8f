"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorBox } from "@/components/ui/states";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/client/api";
import { formatNumber, formatTs } from "@/lib/client/format";
import { useRevokeToken } from "@/lib/client/tokens";
import type { TokenDto } from "@/lib/client/types";

function RevokeDialog({ token, onClose }: { token: TokenDto; onClose: () => void }) {
  const revoke = useRevokeToken();
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Revoke token?"
      description="Shippers using this token will be rejected immediately. This cannot be undone."
    >
      <p className="text-xs">
        <span className="font-mono">{token.prefix}…</span> for cluster <span className="font-mono">{token.cluster}</span>
        {token.name ? ` (${token.name})` : ""}
      </p>
      {revoke.isError && <ErrorBox className="mt-2">{errorMessage(revoke.error)}</ErrorBox>}
      <div className="mt-3 flex justify-end gap-2">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id, { onSuccess: onClose })}>
          Revoke
        </Button>
      </div>
    </Dialog>
  );
}

const num = (n: number) => <Td className="text-right font-mono tabular-nums">{formatNumber(n)}</Td>;

export function TokensTable({ tokens }: { tokens: TokenDto[] }) {
  const [confirming, setConfirming] = useState<TokenDto | null>(null);
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[1000px]">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th>Cluster</Th>
            <Th>Prefix</Th>
            <Th>Created</Th>
            <Th>Last used</Th>
            <Th className="text-right">Accepted</Th>
            <Th className="text-right">Duplicates</Th>
            <Th className="text-right">Rejected</Th>
            <Th>Revoked</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} data-testid="token-row" className={t.revokedAt ? "text-muted" : "hover:bg-row-hover"}>
              <TextCell value={t.name} mono={false} />
              <TextCell value={t.cluster} />
              <Td className="font-mono">{t.prefix}…</Td>
              <Td className="font-mono whitespace-nowrap text-muted">{formatTs(t.createdAt)}</Td>
              <Td className="font-mono whitespace-nowrap text-muted">{t.lastUsedAt ? formatTs(t.lastUsedAt) : "never"}</Td>
              {num(t.accepted)}
              {num(t.duplicates)}
              {num(t.rejected)}
              <Td className="whitespace-nowrap">
                {t.revokedAt ? (
                  <Badge className="border-red-500/50 bg-red-500/10 text-red-600 normal-case dark:text-red-300" title={formatTs(t.revokedAt)}>
                    revoked
                  </Badge>
                ) : (
                  <span className="text-muted/60">—</span>
                )}
              </Td>
              <Td className="text-right">
                {!t.revokedAt && (
                  <Button size="xs" variant="danger" onClick={() => setConfirming(t)}>
                    Revoke
                  </Button>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {confirming && <RevokeDialog token={confirming} onClose={() => setConfirming(null)} />}
    </div>
  );
}
