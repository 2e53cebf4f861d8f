"use client";

import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useLogout } from "@/lib/client/auth";

export function LogoutButton() {
  const logout = useLogout();
  return (
    <Button
      variant="ghost"
      disabled={logout.isPending}
      // Go to /login even if the request fails: the user asked to leave.
      onClick={() => logout.mutate(undefined, { onSettled: () => window.location.assign("/login") })}
    >
      <LogOut className="size-3.5" aria-hidden />
      Log out
    </Button>
  );
}
