import type { Metadata } from "next";
import { RulePage } from "@/components/rules/rule-page";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Rule" };

export default async function RuleDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  return <RulePage id={decodeURIComponent(id)} role={user.role} />;
}
