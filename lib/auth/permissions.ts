import { createAccessControl } from "better-auth/plugins/access";
import { modules, type Permission } from "../modules";
import { type StaffRole, staffRoles } from "./roles";

export type { Permission } from "../modules";

type Statements = Record<string, string[]>;
const merge = (parts: (Partial<Record<string, readonly string[]>> | undefined)[]): Statements => {
  const out: Statements = {};
  for (const part of parts) for (const [r, actions] of Object.entries(part ?? {})) out[r] = [...new Set([...(out[r] ?? []), ...(actions ?? [])])];
  return out;
};

/**
 * What each staff role may do, assembled from the modules' access statements (lib/modules/*\/access.ts)
 * with Better Auth's own access control. Checked on the server by requireStaff()/the API wrapper/the
 * action wrapper for every page, route and action; the UI only mirrors it.
 */
const ac = createAccessControl(merge(modules.map((m) => m.access?.statements)));
const roles = Object.fromEntries(staffRoles.map((r) => [r, ac.newRole(merge(modules.map((m) => m.access?.grants[r])))])) as Record<StaffRole, ReturnType<typeof ac.newRole>>;

/** Every permission, and the least role that holds it (the view the docs and a test read). */
export const permissions = Object.fromEntries(
  modules.flatMap((m) => Object.entries(m.access?.statements ?? {}).flatMap(([r, actions]) => actions.map((a) => `${r}.${a}`))).map((p) => [
    p,
    staffRoles.find((role) => can(role, p as Permission)) ?? null,
  ]),
) as Record<Permission, StaffRole | null>;

/**
 * Denies anything it does not know: an unknown role or permission, and `__proto__`, never resolve
 * (own keys only, then Better Auth's authorize).
 */
export function can(role: StaffRole, permission: Permission): boolean {
  if (typeof permission !== "string" || !Object.hasOwn(roles, role)) return false;
  const dot = permission.indexOf(".");
  const resource = permission.slice(0, dot);
  const action = permission.slice(dot + 1);
  if (dot < 1 || !Object.hasOwn(ac.statements, resource)) return false;
  return roles[role].authorize({ [resource]: [action] } as never).success;
}
