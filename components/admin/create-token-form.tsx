"use client";

import { KeyRound } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useCreateToken } from "@/lib/client/tokens";
import type { CreatedToken } from "@/lib/client/types";

export function CreateTokenForm({ onCreated }: { onCreated: (t: CreatedToken) => void }) {
  const create = useCreateToken();
  const [cluster, setCluster] = useState("");
  const [name, setName] = useState("");

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    create.mutate(
      { cluster: cluster.trim(), ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: (t) => {
          setCluster("");
          setName("");
          onCreated(t);
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} aria-label="Create token" className="rounded border border-line bg-panel p-3">
      <h2 className="mb-2 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Create ingest token</h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-token-cluster">Cluster</Label>
          <Input id="new-token-cluster" required autoComplete="off" placeholder="prod-eu-1" value={cluster} onChange={(e) => setCluster(e.target.value)} className="w-56 font-mono" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-token-name">Name</Label>
          <Input id="new-token-name" autoComplete="off" placeholder="fluent-bit daemonset" value={name} onChange={(e) => setName(e.target.value)} className="w-56" />
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending || cluster.trim() === ""}>
          <KeyRound className="size-3.5" aria-hidden />
          Create token
        </Button>
      </div>
      {create.isError && <ErrorBox className="mt-2">{errorMessage(create.error)}</ErrorBox>}
    </form>
  );
}
