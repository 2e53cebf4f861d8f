import type { Metadata } from "next";
import { CoverageView } from "@/components/inventory/coverage-view";
import { requirePageUser } from "@/lib/auth/current";
import { entityName } from "@/lib/inventory/params";

type Props = { params: Promise<{ cluster: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Coverage of ${entityName((await params).cluster)}` };
}

export default async function CoveragePage({ params }: Props) {
  const user = await requirePageUser("viewer");
  return <CoverageView cluster={entityName((await params).cluster)} role={user.role} />;
}
