import type { Metadata } from "next";
import { AlertQueue } from "@/components/alerts/alert-queue";
import { requirePageUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const user = await requirePageUser("viewer");
  return <AlertQueue canTriage={hasRole(user.role, "analyst")} />;
}
