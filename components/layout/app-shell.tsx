import type { ReactNode } from "react";
import type { SessionUser } from "@/lib/auth/roles";
import { SideNav } from "./side-nav";
import { TopBar } from "./top-bar";

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  return (
    <div className="flex h-screen overflow-hidden">
      <SideNav role={user.role} />
      <div className="flex min-w-0 flex-1 flex-col">
        <TopBar user={user} />
        <main className="min-h-0 flex-1 overflow-auto">{children}</main>
      </div>
    </div>
  );
}
