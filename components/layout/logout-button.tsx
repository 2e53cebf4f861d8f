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
      onClick={() =>
        logout.mutate(undefined, {
          // Even if the request fails the user asked to leave; a full load also drops cached data.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          onSettled: () => window.location.assign("/login"),
        })
      }
    >
      <LogOut className="size-3.5" aria-hidden />
      Log out
    </Button>
  );
}
