import type { Metadata } from "next";
import { IngestAdmin } from "@/components/ingest/ingest-admin";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Ingest" };

export default async function IngestPage() {
  await requirePageUser("admin");
  return <IngestAdmin />;
}
