import "server-only";
import { headers as nextHeaders } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { getConfig } from "../config";
import { AppError, expectedError, UNAVAILABLE_DIGEST } from "../errors";
import { getDatabase } from "../db";
import { banOf } from "../modules";
import { staffRoleOfUser } from "./create-auth";
import { getAuth } from "./index";
import { can, type Permission } from "./permissions";
import { REQUEST_PATH_HEADER, signInUrl } from "./return-path";
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
  try {
    return await readStaff(headers);
  } catch (err) {
    // Better Auth turns a dead database into its own 500 (APIError FAILED_TO_GET_SESSION, the driver's
    // error as `cause`). Name it: the API answers 503, a page shows "database unavailable" (the digest
    // survives production builds), and nobody is sent to sign in again, which would only loop.
    const expected = expectedError(err);
    if (expected && expected.status === 503) throw Object.assign(expected, { cause: err, digest: UNAVAILABLE_DIGEST });
    throw err;
  }
}

async function readStaff(headers: Headers): Promise<StaffCheck> {
  const auth = await getAuth();
  // getSession reads the session and its user row (no cookie cache), role and ban included.
  const session = await auth.api.getSession({ headers });
  if (!session) return { kind: "anonymous" };
  // The additional fields declared in createDashboardAuth; Better Auth's inferred type omits them.
  // (a module's ban fields among them: see staffFields)
  const user = session.user as unknown as { id: string; email: string; name: string; role?: string | null } & Record<string, unknown>;
  const role = staffRoleOfUser(user, getConfig().staffRoleMap, banOf((await getDatabase()).caps));
  if (!role) return { kind: "not-staff", email: user.email };
  return { kind: "staff", staff: { id: user.id, email: user.email, name: user.name, appRole: user.role ?? null, role } };
}

/**
 * The staff check of the request being rendered, once per render: the layout, the page and its
 * metadata all ask, and each ask was a session lookup (React's `cache` lives for one request; in a
 * server action, outside a render, it is simply called).
 */
export const staffOfRequest = cache(async (): Promise<{ headers: Headers; check: StaffCheck }> => {
  const h = await nextHeaders();
  return { headers: h, check: await checkStaff(h) };
});

/** For pages and server actions: the signed-in staff member, or a redirect / 403. */
export async function requireStaff(permission: Permission = "users.read"): Promise<Staff> {
  const { headers: h, check } = await staffOfRequest();
  // Back to the page that was asked for after signing in (set by proxy.ts, validated by signInUrl).
  if (check.kind === "anonymous") redirect(signInUrl(h.get(REQUEST_PATH_HEADER)));
  if (check.kind === "not-staff") redirect("/not-authorized");
  if (!can(check.staff.role, permission)) forbidden();
  return check.staff;
}

/**
 * The staff check as errors, for route handlers and server actions alike (the one place that turns
 * a StaffCheck into 401/403): the API wrapper and the action wrapper map them to a response.
 */
export async function staffOrThrow(headers: Headers, permission: Permission, signIn = "Sign in with a staff account."): Promise<Staff> {
  const check = await checkStaff(headers);
  if (check.kind === "anonymous") throw new AppError("unauthenticated", signIn);
  if (check.kind === "not-staff") throw new AppError("forbidden", "This account is not a staff member.");
  if (!can(check.staff.role, permission)) throw new AppError("forbidden", `The ${check.staff.role} role may not do this (${permission}).`);
  return check.staff;
}

/** For route handlers. */
export const staffForRequest = (req: Request, permission: Permission): Promise<Staff> => staffOrThrow(req.headers, permission);
