import { betterAuth } from "better-auth";
import { APIError } from "better-auth/api";
import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";
import { betterAuthDatabase, coreFields, coreModelOptions } from "../db/better-auth-schema";
import type { Database } from "../db/open";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { banOf, type ModuleBan } from "../modules";
import { type StaffRole, staffRoleOf } from "./roles";
import { verifyStaffPassword } from "./password";

export interface DashboardAuthOptions {
  secret: string;
  baseUrl: string;
  /** BASE_PATH ("" or "/admin"): Better Auth's routes and the cookies live under it */
  basePath?: string;
  staffRoleMap: Record<string, StaffRole>;
  /** nextCookies() and friends; empty in tests that call auth.api directly */
  plugins?: BetterAuthPlugin[];
  /** where staff sessions go when the app has no session table (sessions only in Redis) */
  secondaryStorage?: BetterAuthOptions["secondaryStorage"];
}

const roleField = (d: Database) => ({ type: "string", required: false, input: false, fieldName: d.naming.column("user", "role") }) as const;

/**
 * role (and a ban's fields, when a module that is on contributes a ban) come with every getSession,
 * so checking staff costs no extra query. Typed as role-only: the ban fields exist only on some databases.
 */
function staffFields(d: Database): { role: ReturnType<typeof roleField> } {
  const ban = Object.entries(banOf(d.caps)?.sessionFields ?? {}).map(([field, type]) => [field, { type, required: false, input: false, fieldName: d.naming.column("user", field) }]);
  return { role: roleField(d), ...Object.fromEntries(ban) };
}

/** The staff role a user row grants: none while a ban is in force. */
export function staffRoleOfUser(u: { role?: string | null } & Readonly<Record<string, unknown>>, map: Record<string, StaffRole>, ban: ModuleBan | null, now = new Date()): StaffRole | null {
  if (ban?.inForceOf(u, now)) return null;
  return staffRoleOf(u.role, map);
}

/** Staff are the app's own users; this is the lookup the sign-in gate uses. */
export async function lookupStaff(d: Pick<Database, "db" | "caps">, userId: string, map: Record<string, StaffRole>, now = new Date()) {
  const ban = banOf(d.caps);
  const u = await d.db
    .selectFrom("user")
    .select(["user.id", "user.email", "user.name", "user.role"])
    .$if(ban !== null, (qb) => qb.select(Object.keys(ban?.sessionFields ?? {}).map((f) => `user.${f}` as "user.role")))
    .where("user.id", "=", userId)
    .executeTakeFirst();
  if (!u) return null;
  return { id: u.id, email: u.email, name: u.name, appRole: u.role, role: staffRoleOfUser(u, map, ban, now) };
}

/**
 * A right password of a user who is not staff (or is under a ban in force) gets exactly Better Auth's answer to a
 * wrong one: otherwise the dashboard would tell anyone which passwords of the app's users are right.
 * The password has been verified by then, so the two also take the same time.
 */
const notStaff = () => new APIError("UNAUTHORIZED", { message: "Invalid email or password", code: "INVALID_EMAIL_OR_PASSWORD" });

/**
 * The dashboard's own Better Auth instance, on the app's tables with the app's names. Email and
 * password only, no sign-up; a session is created only for users with a staff role, so a non-staff
 * sign-in leaves nothing behind in the app's session table.
 */
export function createDashboardAuth(d: Database, opts: DashboardAuthOptions) {
  const { naming, caps } = d;
  const basePath = opts.basePath ?? "";
  const generateId = caps.idType === "uuid" ? "uuid" : caps.idType === "serial" ? "serial" : undefined;
  return betterAuth({
    appName: "Better Auth Admin",
    secret: opts.secret,
    // The origin only, and the base path in basePath: Better Auth reads any path on baseURL as its
    // own route prefix. Next passes route handlers the URL with the base path in it.
    baseURL: opts.baseUrl,
    basePath: `${basePath}/api/auth`,
    trustedOrigins: [opts.baseUrl],
    database: betterAuthDatabase(d.authDb, naming),
    emailAndPassword: { enabled: true, disableSignUp: true, password: { verify: verifyStaffPassword } },
    user: {
      ...coreModelOptions(naming, "user", coreFields.user),
      additionalFields: staffFields(d),
    },
    // Staff sessions are short: this tool can end anyone's sessions.
    session: { ...coreModelOptions(naming, "session", coreFields.session), expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    account: coreModelOptions(naming, "account", coreFields.account),
    verification: coreModelOptions(naming, "verification", coreFields.verification),
    advanced: {
      // Distinct cookie names, so the dashboard and the app can share a domain.
      cookiePrefix: "ba-admin",
      // Under a base path the cookies are sent to it alone, not to the app beside it on the domain.
      defaultCookieAttributes: { path: basePath || "/" },
      // joins: every request's session check reads the session and its user in one query, not two.
      database: { joins: true, ...(generateId ? { generateId } : {}) },
      // The address resolved by lib/http/client-ip.ts (set by the route handler and the sign-in
      // action), so session rows record the same IP as the audit log, never a client-written header.
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    // One sign-in throttle, the dashboard's own (lib/auth/throttle.ts), which also covers the form;
    // Better Auth's would key on a header a client can rotate.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const staff = await lookupStaff(d, session.userId, opts.staffRoleMap);
            if (!staff?.role) throw notStaff();
          },
        },
      },
    },
    plugins: opts.plugins ?? [],
    ...(opts.secondaryStorage ? { secondaryStorage: opts.secondaryStorage } : {}),
  });
}
export type DashboardAuth = ReturnType<typeof createDashboardAuth>;
