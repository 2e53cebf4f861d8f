import type { SessionUser } from "@/lib/auth/roles";
import { Badge } from "@/components/ui/badge";
import { LogoutButton } from "./logout-button";
import { ThemeToggle } from "./theme-toggle";

export function TopBar({ user }: { user: SessionUser }) {
  return (
    <header className="flex h-11 shrink-0 items-center gap-3 border-b border-line bg-panel px-4">
      <div className="ml-auto flex items-center gap-2">
        <span className="max-w-64 truncate font-mono text-xs" title={user.name ?? user.email}>
          {user.email}
        </span>
        <Badge className="border-line bg-panel-2 text-muted" aria-label={`Role: ${user.role}`}>
          {user.role}
        </Badge>
        <span className="mx-1 h-5 w-px bg-line" aria-hidden />
        <ThemeToggle />
        <LogoutButton />
      </div>
    </header>
  );
}
