"use client";

import { UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { ErrorBox } from "@/components/ui/states";
import { ROLES, type RoleName } from "@/lib/auth/roles";
import { errorMessage } from "@/lib/client/api";
import { useCreateUser } from "@/lib/client/users";

export function CreateUserForm() {
  const create = useCreateUser();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [role, setRole] = useState<RoleName>("viewer");
  const [created, setCreated] = useState<string | null>(null);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setCreated(null);
    create.mutate(
      { email: email.trim(), password, role, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: ({ user }) => {
          setCreated(user.email);
          setEmail("");
          setName("");
          setPassword("");
          setRole("viewer");
        },
      },
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} aria-label="Create user" className="rounded border border-line bg-panel p-3">
      <h2 className="mb-2 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Create user</h2>
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-user-email">Email</Label>
          <Input id="new-user-email" type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} className="w-64" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-user-name">Name</Label>
          <Input id="new-user-name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} className="w-48" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-user-password">Password</Label>
          <Input id="new-user-password" type="password" required autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} className="w-48" />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="new-user-role">Role</Label>
          <Select id="new-user-role" value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          <UserPlus className="size-3.5" aria-hidden />
          Create user
        </Button>
      </div>
      {create.isError && <ErrorBox className="mt-2">{errorMessage(create.error)}</ErrorBox>}
      {created && (
        <p role="status" className="mt-2 text-xs text-emerald-600 dark:text-emerald-400">
          Created {created}.
        </p>
      )}
    </form>
  );
}
