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

/**
 * A role string as staff type it ("user, moderator,,") in Better Auth's stored form ("user,moderator"):
 * each name trimmed, empty names dropped. "" means no role. The user role dialog and a module's
 * member-role dialog both send this.
 */
export function normalizeRoles(value: string): string {
  return value.split(",").map((r) => r.trim()).filter(Boolean).join(",");
}
