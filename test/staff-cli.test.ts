import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardAuth } from "../lib/auth/create-auth";
import { parseStaffRoleMap } from "../lib/config";
import { grantStaff, listStaff, revokeStaff } from "../lib/staff/manage";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures } from "./helpers/fixtures";

const map = parseStaffRoleMap(undefined);

describe("staff bootstrap (npm run staff)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed");
    await insertFixtures(t.d);
  });
  afterAll(async () => t?.cleanup());

  const roleOf = async (email: string) =>
    (await t.d.db.selectFrom("user").select("user.role").where("user.email", "=", email).executeTakeFirstOrThrow()).role;

  it("adds a staff role to an existing user and keeps the app's own roles", async () => {
    await grantStaff(t.d, map, { email: "bob@gmail.com", staffRole: "moderator" });
    expect(await roleOf("bob@gmail.com")).toBe("user,moderator");
    await grantStaff(t.d, map, { email: "bob@gmail.com", staffRole: "admin" });
    expect(await roleOf("bob@gmail.com")).toBe("user,admin");
    await revokeStaff(t.d, map, "bob@gmail.com");
    expect(await roleOf("bob@gmail.com")).toBe("user");
  });

  it("refuses to create a user unless asked explicitly", async () => {
    await expect(grantStaff(t.d, map, { email: "new@corp.test", staffRole: "admin" })).rejects.toThrow(/--create/);
    await expect(grantStaff(t.d, map, { email: "new@corp.test", staffRole: "root" })).rejects.toThrow(/role must be/);
  });

  it("creates a staff user with a password who can then sign in", async () => {
    await grantStaff(t.d, map, { email: "New@Corp.test", staffRole: "admin", create: true, password: "a-long-password" });
    const auth = createDashboardAuth(t.d, { secret: "staff-cli-test-secret-0123456789abcdef", baseUrl: "http://localhost:3000", staffRoleMap: map });
    const res = await auth.api.signInEmail({ body: { email: "new@corp.test", password: "a-long-password" } });
    expect(res.user.email).toBe("new@corp.test");
    expect((await listStaff(t.d, map)).map((s) => [s.email, s.staffRole])).toContainEqual(["new@corp.test", "admin"]);
  });
});
