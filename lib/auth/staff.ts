import "server-only";
import { headers as nextHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getConfig } from "../config";
import { getDatabase } from "../db";
import { AppError } from "../errors";
import { lookupStaff } from "./create-auth";
import { getAuth } from "./index";
import { can, type Permission } from "./permissions";
import type { StaffRole } from "./roles";

export interface Staff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  appRole: string | null;
}

export type StaffCheck = { kind: "anonymous" } | { kind: "not-staff"; email: string } | { kind: "staff"; staff: Staff };

/**
 * Who is asking, read fresh from the database on every request (no cookie cache): a role removed
 * or a ban set takes effect on the next click.
 */
export async function checkStaff(headers: Headers): Promise<StaffCheck> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return { kind: "anonymous" };
  const d = await getDatabase();
  const found = await lookupStaff(d, session.user.id, getConfig().staffRoleMap);
  if (!found?.role) return { kind: "not-staff", email: session.user.email };
  return { kind: "staff", staff: { ...found, role: found.role } };
}

/** For pages and server actions: the signed-in staff member, or a redirect / 403. */
export async function requireStaff(permission: Permission = "users.read"): Promise<Staff> {
  const check = await checkStaff(await nextHeaders());
  if (check.kind === "anonymous") redirect("/sign-in");
  if (check.kind === "not-staff") redirect("/not-authorized");
  if (!can(check.staff.role, permission)) forbidden();
  return check.staff;
}

/** For route handlers: the same check as errors the API wrapper turns into 401/403. */
export async function staffForRequest(req: Request, permission: Permission): Promise<Staff> {
  const check = await checkStaff(req.headers);
  if (check.kind === "anonymous") throw new AppError("unauthenticated", "Sign in with a staff account.");
  if (check.kind === "not-staff") throw new AppError("forbidden", "This account is not a staff member.");
  if (!can(check.staff.role, permission)) throw new AppError("forbidden", `The ${check.staff.role} role may not do this (${permission}).`);
  return check.staff;
}
