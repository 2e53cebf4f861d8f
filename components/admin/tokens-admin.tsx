"use client";

import { useState } from "react";
import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useTokens } from "@/lib/client/tokens";
import type { CreatedToken } from "@/lib/client/types";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenBox } from "./new-token-box";
import { TokensTable } from "./tokens-table";

export function TokensAdmin() {
  const tokens = useTokens();
  // Kept only in memory: leaving the page forgets the plaintext token for good.
  const [created, setCreated] = useState<CreatedToken | null>(null);

  return (
    <div>
      <PageHeader title="Ingest tokens" />
      <div className="flex flex-col gap-3 p-4">
        <CreateTokenForm onCreated={setCreated} />
        {created && <NewTokenBox created={created} onDismiss={() => setCreated(null)} />}
        <section aria-label="Tokens" className="rounded border border-line bg-panel">
          {tokens.isPending ? (
            <Spinner className="p-4" label="Loading tokens" />
          ) : tokens.isError ? (
            <ErrorBox className="m-3">{errorMessage(tokens.error)}</ErrorBox>
          ) : tokens.data.length === 0 ? (
            <EmptyState>No tokens yet. Create one for each cluster that ships logs.</EmptyState>
          ) : (
            <TokensTable tokens={tokens.data} />
          )}
        </section>
      </div>
    </div>
  );
}
