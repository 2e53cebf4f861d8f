import type { Metadata } from "next";
import { RulesList } from "@/components/rules/rules-list";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "Rules" };

export default async function RulesPage() {
  const user = await requirePageUser("viewer");
  return <RulesList role={user.role} />;
}
