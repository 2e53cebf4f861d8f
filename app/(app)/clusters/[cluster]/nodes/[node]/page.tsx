import type { Metadata } from "next";
import { NodeView } from "@/components/inventory/node-view";
import { requirePageUser } from "@/lib/auth/current";
import { entityName } from "@/lib/inventory/params";

type Props = { params: Promise<{ cluster: string; node: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Node ${entityName((await params).node)}` };
}

export default async function NodePage({ params }: Props) {
  await requirePageUser("viewer");
  const p = await params;
  return <NodeView cluster={entityName(p.cluster)} node={entityName(p.node)} />;
}
