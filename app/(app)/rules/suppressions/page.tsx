import type { Metadata } from "next";
import { SuppressionsPage } from "@/components/rules/suppressions-page";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Suppressions" };

export default async function Suppressions() {
  const user = await requirePageUser("viewer");
  return <SuppressionsPage role={user.role} />;
}
