/** Staff roles, least to most privileged. Each includes what the one before it may do. */
export const staffRoles = ["support", "moderator", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

/**
 * Better Auth stores roles as a comma-separated string ("user,admin"). The highest staff role any of
 * them maps to wins; no mapped role means not staff.
 */
export function staffRoleOf(role: string | null | undefined, map: Record<string, StaffRole>): StaffRole | null {
  let best: StaffRole | null = null;
  for (const r of (role ?? "").split(",").map((s) => s.trim())) {
    const mapped = map[r];
    if (mapped && (best === null || staffRoles.indexOf(mapped) > staffRoles.indexOf(best))) best = mapped;
  }
  return best;
}
