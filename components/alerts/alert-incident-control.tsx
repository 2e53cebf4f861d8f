"use client";

import { FolderPlus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { AddToIncidentDialog } from "@/components/incidents/add-to-incident-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AlertSeverity } from "@/lib/client/types";

type Props = {
  alert: { id: number; title: string; severity: AlertSeverity };
  incident: { key: string; title?: string } | null | undefined;
  canTriage: boolean;
};

/** The incident this alert belongs to, or a way to put it in one. */
export function AlertIncidentControl({ alert, incident, canTriage }: Props) {
  const [open, setOpen] = useState(false);
  if (incident) {
    return (
      <Link href={`/incidents/${encodeURIComponent(incident.key)}`} className="inline-flex items-center gap-1.5 text-xs hover:underline" data-testid="alert-incident">
        <Badge className="border-accent/50 bg-accent/10 text-accent normal-case">{incident.key}</Badge>
        {incident.title && <span className="max-w-64 truncate">{incident.title}</span>}
      </Link>
    );
  }
  if (!canTriage) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <FolderPlus className="size-3.5" aria-hidden />
        Add to incident
      </Button>
      {open && <AddToIncidentDialog alertIds={[alert.id]} defaults={{ title: alert.title, severity: alert.severity }} onOpenChange={setOpen} />}
    </>
  );
}
