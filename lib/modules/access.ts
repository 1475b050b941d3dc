import type { StaffRole } from "../auth/roles";

/**
 * A module's part of the dashboard's access control, in the shape of Better Auth's access-control
 * statements (`createAccessControl`): resources with their actions, and what each staff role is
 * granted. Grants are listed per role, not implied by a ladder, so a module can give a permission
 * to moderators without giving it to support (or, later, to a role that is not above another).
 */
export interface ModuleAccess<S extends Record<string, readonly string[]> = Record<string, readonly string[]>> {
  statements: S;
  grants: Record<StaffRole, { [R in keyof S]?: readonly S[R][number][] }>;
}

export const defineAccess = <const S extends Record<string, readonly string[]>>(access: ModuleAccess<S>) => access;

/** "users.ban" for every resource and action of a statement set. */
export type PermissionOf<S> = S extends Record<string, readonly string[]> ? { [R in keyof S & string]: `${R}.${S[R][number]}` }[keyof S & string] : never;
