import type { Metadata } from "next";
import { Forbidden } from "@/components/auth/forbidden";

export const metadata: Metadata = { title: "Forbidden" };

export default function ForbiddenPage() {
  return <Forbidden />;
}
