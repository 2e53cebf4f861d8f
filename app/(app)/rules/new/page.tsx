import type { Metadata } from "next";
import { NewRulePage } from "@/components/rules/new-rule-page";
import { requirePageUser } from "@/lib/auth/current";

export const metadata: Metadata = { title: "New rule" };

export default async function NewRule({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  await requirePageUser("analyst");
  const { from } = await searchParams;
  return <NewRulePage from={typeof from === "string" ? from : null} />;
}
