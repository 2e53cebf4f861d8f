import type { Metadata } from "next";
import { AuditAdmin } from "@/components/admin/audit-admin";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage() {
  await requirePageUser("admin");
  return <AuditAdmin />;
}
