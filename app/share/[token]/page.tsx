import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { SharedIncident } from "@/components/share/shared-incident";
import { getDb } from "@/lib/db";
import { clientIp, recordMiss, retryAfterSeconds } from "@/lib/share/probe-limit";
import { openSharedIncident } from "@/lib/share/public-view";

// Outside the (app) group on purpose: no login, no navigation. The token is the credential.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Shared incident",
  robots: { index: false, follow: false },
  // the token is in this page's URL: never send it to another site
  referrer: "no-referrer",
};

export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const h = await headers();
  const ip = clientIp(h);
  // A wrong, expired, revoked or rate-limited token all look the same: 404.
  if (retryAfterSeconds(ip) !== null) notFound();
  const view = await openSharedIncident(getDb(), token, { ip, userAgent: h.get("user-agent") });
  if (!view) {
    recordMiss(ip);
    notFound();
  }
  return <SharedIncident data={view} />;
}
