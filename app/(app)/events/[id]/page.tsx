import type { Metadata } from "next";
import { EventPage } from "@/components/events/event-page";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Event" };

export default async function EventDetailPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("viewer");
  const { id } = await params;
  return <EventPage id={id} />;
}
