"use client";

import Link from "next/link";
import { PageHeader } from "@/components/ui/states";
import { hasRole, type RoleName } from "@/lib/auth/roles";
import { SuppressionsSection } from "./suppressions-section";

export function SuppressionsPage({ role }: { role: RoleName }) {
  return (
    <div>
      <PageHeader title="Suppressions">
        <Link href="/rules" className="text-xs text-accent hover:underline">← Rules</Link>
      </PageHeader>
      <div className="p-4">
        <SuppressionsSection canEdit={hasRole(role, "analyst")} />
      </div>
    </div>
  );
}
