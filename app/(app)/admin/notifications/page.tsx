import type { Metadata } from "next";
import { NotificationsAdmin } from "@/components/admin/notifications-admin";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  await requirePageUser("admin");
  return <NotificationsAdmin />;
}
