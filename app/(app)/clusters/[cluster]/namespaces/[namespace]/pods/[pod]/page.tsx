import type { Metadata } from "next";
import { PodView } from "@/components/inventory/pod-view";
import { requirePageUser } from "@/lib/auth/current";
import { entityName } from "@/lib/inventory/params";

type Props = { params: Promise<{ cluster: string; namespace: string; pod: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Pod ${entityName((await params).pod)}` };
}

export default async function PodPage({ params }: Props) {
  await requirePageUser("viewer");
  const p = await params;
  return <PodView cluster={entityName(p.cluster)} namespace={entityName(p.namespace)} pod={entityName(p.pod)} />;
}
