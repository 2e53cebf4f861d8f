"use client";

import { Activity, Bell, Inbox, KeyRound, Radar, Users } from "lucide-react";
import { BellRing, ScrollText, Siren } from "lucide-react";
import { ShieldCheck } from "lucide-react";
import { Boxes, Fingerprint } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType } from "react";
import { hasRole, type RoleName } from "@/lib/auth/roles";
import { cn } from "@/components/ui/cn";

type Item = { href: string; label: string; icon: ComponentType<{ className?: string }> };

const MAIN: Item[] = [
  { href: "/events", label: "Timeline", icon: Activity },
  { href: "/alerts", label: "Alerts", icon: Bell },
  { href: "/rules", label: "Rules", icon: ShieldCheck },
  { href: "/clusters", label: "Clusters", icon: Boxes },
  { href: "/credentials", label: "Credentials", icon: Fingerprint },
  { href: "/incidents", label: "Incidents", icon: Siren },
];

const ADMIN: Item[] = [
  { href: "/admin/users", label: "Users", icon: Users },
  { href: "/admin/tokens", label: "Tokens", icon: KeyRound },
  { href: "/admin/ingest", label: "Ingest", icon: Inbox },
  { href: "/admin/audit", label: "Audit", icon: ScrollText },
  { href: "/admin/notifications", label: "Notifications", icon: BellRing },
];

function NavLink({ item, active }: { item: Item; active: boolean }) {
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "flex h-8 items-center gap-2.5 rounded px-2.5 text-xs font-medium",
        active ? "bg-row-active text-fg" : "text-muted hover:bg-row-hover hover:text-fg",
      )}
    >
      <Icon className={cn("size-4", active && "text-accent")} />
      {item.label}
    </Link>
  );
}

export function SideNav({ role }: { role: RoleName }) {
  const pathname = usePathname();
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  return (
    <nav aria-label="Main" className="flex w-48 shrink-0 flex-col border-r border-line bg-panel">
      <Link href="/events" className="flex h-11 items-center gap-2 border-b border-line px-3.5">
        <Radar className="size-5 text-accent" aria-hidden />
        <span className="text-sm font-semibold tracking-tight">Crowsnest</span>
      </Link>
      <div className="flex flex-col gap-0.5 p-2">
        {MAIN.map((item) => (
          <NavLink key={item.href} item={item} active={isActive(item.href)} />
        ))}
      </div>
      {hasRole(role, "admin") && (
        <div className="flex flex-col gap-0.5 p-2 pt-1">
          <div className="px-2.5 pt-2 pb-1 text-[10.5px] font-semibold tracking-wider text-muted uppercase">Admin</div>
          {ADMIN.map((item) => (
            <NavLink key={item.href} item={item} active={isActive(item.href)} />
          ))}
        </div>
      )}
    </nav>
  );
}
