import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser("admin");
  return <UsersAdmin currentUserId={user.id} />;
}
