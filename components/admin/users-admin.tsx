"use client";

import { EmptyState, ErrorBox, PageHeader, Spinner } from "@/components/ui/states";
import { errorMessage } from "@/lib/client/api";
import { useUpdateUser, useUsers } from "@/lib/client/users";
import { CreateUserForm } from "./create-user-form";
import { UsersTable } from "./users-table";

export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const users = useUsers();
  const update = useUpdateUser();

  return (
    <div>
      <PageHeader title="Users" />
      <div className="flex flex-col gap-3 p-4">
        <CreateUserForm />
        {update.isError && <ErrorBox>{errorMessage(update.error)}</ErrorBox>}
        <section aria-label="Users" className="rounded border border-line bg-panel">
          {users.isPending ? (
            <Spinner className="p-4" label="Loading users" />
          ) : users.isError ? (
            <ErrorBox className="m-3">{errorMessage(users.error)}</ErrorBox>
          ) : users.data.length === 0 ? (
            <EmptyState>No users.</EmptyState>
          ) : (
            <UsersTable users={users.data} currentUserId={currentUserId} update={update} />
          )}
        </section>
      </div>
    </div>
  );
}
