import type { Metadata } from "next";
import { CredentialsView } from "@/components/inventory/credentials-view";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage() {
  await requirePageUser("viewer");
  return <CredentialsView />;
}
