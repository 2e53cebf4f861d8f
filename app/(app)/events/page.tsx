import type { Metadata } from "next";
import { Timeline } from "@/components/events/timeline";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Timeline" };

export default async function EventsPage() {
  await requirePageUser("viewer");
  return <Timeline />;
}
