import { randomUUID } from "node:crypto";
import { generateRandomString, hashPassword } from "better-auth/crypto";
import { type StaffRole, staffRoleOf, staffRoles } from "../auth/roles";
import type { Q } from "../db/context";
import { AppError, badRequest } from "../errors";

/** Better Auth's default id: 32 random [a-zA-Z0-9] characters. */
const newId = () => generateRandomString(32, "a-z", "A-Z", "0-9");

const splitRoles = (role: string | null) => (role ?? "").split(",").map((r) => r.trim()).filter(Boolean);

/** The app role that stands for a staff role under STAFF_ROLES (e.g. "owner" for admin). */
function appRoleFor(staffRole: StaffRole, map: Record<string, StaffRole>): string {
  const found = Object.entries(map).find(([, s]) => s === staffRole);
  if (!found) throw badRequest(`STAFF_ROLES maps no app role to ${staffRole}`);
  return found[0];
}

export async function listStaff(q: Q, map: Record<string, StaffRole>) {
  const roles = Object.keys(map);
  const rows = await q.db
    .selectFrom("user")
    .select(["user.id", "user.email", "user.role"])
    .where((eb) => eb.or(roles.map((r) => eb("user.role", "like", `%${r}%`))))
    .orderBy("user.email")
    .execute();
  return rows.flatMap((r) => {
    const staffRole = staffRoleOf(r.role, map);
    return staffRole ? [{ ...r, staffRole }] : [];
  });
}

export interface GrantInput {
  email: string;
  staffRole: string;
  create?: boolean;
  password?: string;
  name?: string;
}

/** Adds the staff role to an existing user's roles, or creates a user with a password if asked to. */
export async function grantStaff(q: Q, map: Record<string, StaffRole>, input: GrantInput) {
  if (!(staffRoles as readonly string[]).includes(input.staffRole)) throw badRequest(`role must be one of ${staffRoles.join(", ")}`);
  const appRole = appRoleFor(input.staffRole as StaffRole, map);
  const email = input.email.trim().toLowerCase();
  const existing = await q.db.selectFrom("user").select(["user.id", "user.role"]).where("user.email", "=", email).executeTakeFirst();
  if (existing) {
    // Other staff roles are replaced; the app's own roles (e.g. "user") are kept.
    const kept = splitRoles(existing.role).filter((r) => !(r in map));
    const role = [...kept, appRole].join(",");
    await q.db.updateTable("user").set({ role, updatedAt: new Date() }).where("user.id", "=", existing.id).execute();
    return { created: false, role };
  }
  if (!input.create) throw new AppError("not_found", `No user with email ${email}. Pass --create --password <pw> to create one.`);
  if (!input.password || input.password.length < 8) throw badRequest("--password of at least 8 characters is required with --create");
  if (q.caps.idType === "serial") throw badRequest("This database uses serial ids: create the user through the app, then grant the role.");
  const id = q.caps.idType === "uuid" ? randomUUID() : newId();
  const now = new Date();
  const hash = await hashPassword(input.password);
  await q.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("user")
      .values({ id, email, name: input.name ?? email.split("@")[0] ?? email, emailVerified: true, image: null, role: appRole, createdAt: now, updatedAt: now })
      .execute();
    const accountId = q.caps.idType === "uuid" ? randomUUID() : newId();
    await trx
      .insertInto("account")
      .values({ id: accountId, userId: id, accountId: id, providerId: "credential", password: hash, createdAt: now, updatedAt: now })
      .execute();
  });
  return { created: true, role: appRole };
}

export async function revokeStaff(q: Q, map: Record<string, StaffRole>, email: string) {
  const user = await q.db.selectFrom("user").select(["user.id", "user.role"]).where("user.email", "=", email.trim().toLowerCase()).executeTakeFirst();
  if (!user) throw new AppError("not_found", `No user with email ${email}`);
  const kept = splitRoles(user.role).filter((r) => !(r in map));
  const role = kept.length ? kept.join(",") : null;
  await q.db.updateTable("user").set({ role, updatedAt: new Date() }).where("user.id", "=", user.id).execute();
  return { role };
}
