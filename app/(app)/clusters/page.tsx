import type { Metadata } from "next";
import { ClustersView } from "@/components/inventory/clusters-view";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Clusters" };

export default async function ClustersPage() {
  await requirePageUser("viewer");
  return <ClustersView />;
}
