"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Table, Td, TextCell, Th } from "@/components/ui/table";
import { ROLES, type RoleName } from "@/lib/auth/roles";
import { formatTs } from "@/lib/client/format";
import type { UserDto } from "@/lib/client/types";
import { useUpdateUser } from "@/lib/client/users";

type Props = { users: UserDto[]; currentUserId: string; update: ReturnType<typeof useUpdateUser> };

export function UsersTable({ users, currentUserId, update }: Props) {
  return (
    <div className="overflow-x-auto">
      <Table className="min-w-[900px]">
        <thead>
          <tr>
            <Th>Email</Th>
            <Th>Name</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            <Th>Created</Th>
            <Th>Last login</Th>
            <Th className="text-right">Actions</Th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            // Changing your own role or disabling yourself could lock every admin out.
            const self = u.id === currentUserId;
            const busy = update.isPending && update.variables?.id === u.id;
            return (
              <tr key={u.id} data-testid="user-row" className="hover:bg-row-hover">
                <TextCell value={u.email} className="max-w-[18rem]" />
                <TextCell value={u.name} mono={false} />
                <Td>
                  <Select
                    aria-label={`Role for ${u.email}`}
                    value={u.role}
                    disabled={self || busy}
                    title={self ? "You cannot change your own role" : undefined}
                    onChange={(e) => update.mutate({ id: u.id, role: e.target.value as RoleName })}
                    className="h-6"
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </Select>
                </Td>
                <Td>
                  {u.disabled ? (
                    <Badge className="border-red-500/50 bg-red-500/10 text-red-600 normal-case dark:text-red-300">disabled</Badge>
                  ) : (
                    <Badge className="border-emerald-500/50 bg-emerald-500/10 text-emerald-700 normal-case dark:text-emerald-300">active</Badge>
                  )}
                </Td>
                <Td className="font-mono whitespace-nowrap text-muted">{formatTs(u.createdAt)}</Td>
                <Td className="font-mono whitespace-nowrap text-muted">{u.lastLoginAt ? formatTs(u.lastLoginAt) : "never"}</Td>
                <Td className="text-right">
                  <Button
                    size="xs"
                    variant={u.disabled ? "secondary" : "danger"}
                    disabled={self || busy}
                    title={self ? "You cannot disable your own account" : undefined}
                    onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}
                  >
                    {u.disabled ? "Enable" : "Disable"}
                  </Button>
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
