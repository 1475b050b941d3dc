import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DashboardAuth, createDashboardAuth } from "../lib/auth/create-auth";
import { can, permissions } from "../lib/auth/permissions";
import { staffRoleOf } from "../lib/auth/roles";
import { parseStaffRoleMap } from "../lib/config";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

const staffRoleMap = parseStaffRoleMap(undefined);

describe("staff roles", () => {
  it("maps Better Auth's comma-separated roles to the highest staff role", () => {
    expect(staffRoleOf("user,admin", staffRoleMap)).toBe("admin");
    expect(staffRoleOf("support, moderator", staffRoleMap)).toBe("moderator");
    expect(staffRoleOf("user", staffRoleMap)).toBeNull();
    expect(staffRoleOf(null, staffRoleMap)).toBeNull();
    expect(staffRoleOf("owner", parseStaffRoleMap("owner=admin,helpdesk=support"))).toBe("admin");
    expect(staffRoleOf("admin", parseStaffRoleMap("owner=admin"))).toBeNull();
  });

  it("rejects a malformed STAFF_ROLES mapping with a message", () => {
    expect(() => parseStaffRoleMap("owner=root")).toThrow(/STAFF_ROLES/);
  });

  it("grants each role what the roles below it have", () => {
    for (const p of Object.keys(permissions) as (keyof typeof permissions)[]) {
      if (can("support", p)) expect(can("moderator", p)).toBe(true);
      if (can("moderator", p)) expect(can("admin", p)).toBe(true);
    }
    expect(can("support", "users.read")).toBe(true);
    expect(can("support", "users.ban")).toBe(false);
    expect(can("moderator", "users.delete")).toBe(false);
  });
});

describe.each(["default", "snake-plural-renamed"] as NamingName[])("dashboard sign-in on the app's tables (%s naming)", (variant) => {
  let t: TestDb;
  let auth: DashboardAuth;
  beforeAll(async () => {
    t = await createTestDb(variant);
    auth = createDashboardAuth(t.d, { secret: "test-secret-test-secret-test-secret-42", baseUrl: "http://localhost:3000", staffRoleMap });
    await createPasswordUser(t.d, { id: "staff1", email: "sue@corp.test", role: "support" });
    await createPasswordUser(t.d, { id: "plain1", email: "joe@corp.test", role: "user" });
    await createPasswordUser(t.d, { id: "banned1", email: "ban@corp.test", role: "admin", banned: true });
  });
  afterAll(async () => t?.cleanup());

  const sessionsOf = (userId: string) => t.d.db.selectFrom("session").select("session.id").where("session.userId", "=", userId).execute();

  it("signs a staff member in and recognises the session", async () => {
    const res = await auth.api.signInEmail({ body: { email: "sue@corp.test", password: PASSWORD }, returnHeaders: true });
    const cookie = cookieFrom(res.headers);
    expect(cookie).toMatch(/ba-admin\.session_token=/);
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.email).toBe("sue@corp.test");
    expect((session?.user as { role?: string } | undefined)?.role).toBe("support");
    expect(await sessionsOf("staff1")).toHaveLength(1);
  });

  it("refuses a user without a staff role with the wrong-password answer and leaves no session behind", async () => {
    await expect(auth.api.signInEmail({ body: { email: "joe@corp.test", password: PASSWORD } })).rejects.toMatchObject({
      statusCode: 401,
      body: { code: "INVALID_EMAIL_OR_PASSWORD" },
    });
    expect(await sessionsOf("plain1")).toHaveLength(0);
  });

  it("refuses a banned staff member", async () => {
    await expect(auth.api.signInEmail({ body: { email: "ban@corp.test", password: PASSWORD } })).rejects.toMatchObject({
      statusCode: 401,
      body: { code: "INVALID_EMAIL_OR_PASSWORD" },
    });
    expect(await sessionsOf("banned1")).toHaveLength(0);
  });

  it("refuses a wrong password", async () => {
    await expect(auth.api.signInEmail({ body: { email: "sue@corp.test", password: "nope-nope-nope" } })).rejects.toMatchObject({ statusCode: 401 });
  });

  it("offers no sign-up", async () => {
    await expect(auth.api.signUpEmail({ body: { email: "new@corp.test", password: PASSWORD, name: "New" } })).rejects.toBeTruthy();
    const created = await t.d.db.selectFrom("user").select("user.id").where("user.email", "=", "new@corp.test").execute();
    expect(created).toHaveLength(0);
  });
});
