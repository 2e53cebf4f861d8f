import type { Metadata } from "next";
import { IncidentsList } from "@/components/incidents/incidents-list";
import { requirePageUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const user = await requirePageUser("viewer");
  return <IncidentsList canCreate={hasRole(user.role, "analyst")} />;
}
