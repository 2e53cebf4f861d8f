import type { Metadata } from "next";
import { TokensAdmin } from "@/components/admin/tokens-admin";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Ingest tokens" };

export default async function TokensPage() {
  await requirePageUser("admin");
  return <TokensAdmin />;
}
