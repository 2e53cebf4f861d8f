import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageUser } from "@/lib/auth/current";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("viewer");
  return <AppShell user={user}>{children}</AppShell>;
}
