import type { Metadata } from "next";
import { IncidentDetailView } from "@/components/incidents/incident-detail";
import { requirePageUser } from "@/lib/auth/current";
import { hasRole } from "@/lib/auth/roles";

export async function generateMetadata({ params }: { params: Promise<{ key: string }> }): Promise<Metadata> {
  const { key } = await params;
  // Only the key from the URL: the title is not fetched here, so nothing leaks to a logged-out request.
  return { title: /^INC-\d{1,9}$/i.test(key) ? key.toUpperCase() : "Incident" };
}

export default async function IncidentPage({ params }: { params: Promise<{ key: string }> }) {
  const user = await requirePageUser("viewer");
  const { key } = await params;
  return <IncidentDetailView incidentKey={key} canEdit={hasRole(user.role, "analyst")} />;
}
