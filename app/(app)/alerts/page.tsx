import type { Metadata } from "next";
import { AlertsList } from "@/components/alerts/alerts-list";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  await requirePageUser("viewer");
  return <AlertsList />;
}
