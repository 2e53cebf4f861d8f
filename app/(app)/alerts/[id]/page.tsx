import type { Metadata } from "next";
import { AlertDetailView } from "@/components/alerts/alert-detail";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Alert" };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  return <AlertDetailView id={id} role={user.role} />;
}
