import type { Metadata } from "next";
import { ClusterView } from "@/components/inventory/cluster-view";
import { requirePageUser } from "@/lib/auth/current";
import { entityName } from "@/lib/inventory/params";

type Props = { params: Promise<{ cluster: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Cluster ${entityName((await params).cluster)}` };
}

export default async function ClusterPage({ params }: Props) {
  await requirePageUser("viewer");
  return <ClusterView cluster={entityName((await params).cluster)} />;
}
