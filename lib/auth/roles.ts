export const ROLES = ["viewer", "analyst", "admin"] as const;
export type RoleName = (typeof ROLES)[number];

const RANK: Record<RoleName, number> = { viewer: 0, analyst: 1, admin: 2 };

/** True when `role` is at least `min` (admin > analyst > viewer). */
export function hasRole(role: RoleName, min: RoleName): boolean {
  return RANK[role] >= RANK[min];
}

export type SessionUser = { id: string; email: string; name: string | null; role: RoleName };
