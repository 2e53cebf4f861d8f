import type { Metadata } from "next";
import { NamespaceView } from "@/components/inventory/namespace-view";
import { requirePageUser } from "@/lib/auth/current";
import { entityName } from "@/lib/inventory/params";

type Props = { params: Promise<{ cluster: string; namespace: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Namespace ${entityName((await params).namespace)}` };
}

export default async function NamespacePage({ params }: Props) {
  await requirePageUser("viewer");
  const p = await params;
  return <NamespaceView cluster={entityName(p.cluster)} namespace={entityName(p.namespace)} />;
}
