import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardAuth, type DashboardAuth } from "../lib/auth/create-auth";
import { parseStaffRoleMap } from "../lib/config";
import { createTestDb, type TestDb } from "./helpers/db";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * The dashboard's Better Auth under BASE_PATH=/admin (real Better Auth, real Postgres): its routes
 * answer under /admin/api/auth, and its cookies are scoped to /admin, so the app that shares the
 * domain never receives the staff session.
 */
describe("Better Auth under a base path", () => {
  let t: TestDb;
  let auth: DashboardAuth;
  const origin = "http://localhost:3000";
  beforeAll(async () => {
    t = await createTestDb("default");
    auth = createDashboardAuth(t.d, { secret: "base-path-secret-0123456789abcdefghijkl", baseUrl: origin, basePath: "/admin", staffRoleMap: parseStaffRoleMap(undefined) });
    await createPasswordUser(t.d, { id: "bp_staff", email: "bp@corp.test", role: "admin" });
  });
  afterAll(async () => t?.cleanup());

  const signIn = (path: string) =>
    auth.handler(
      new Request(`${origin}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin },
        body: JSON.stringify({ email: "bp@corp.test", password: PASSWORD }),
      }),
    );

  it("signs in at /admin/api/auth with cookies for /admin only", async () => {
    const res = await signIn("/admin/api/auth/sign-in/email");
    expect(res.status).toBe(200);
    const set = res.headers.getSetCookie();
    expect(set.some((c) => c.startsWith("ba-admin.session_token="))).toBe(true);
    for (const c of set) expect(c).toMatch(/;\s*Path=\/admin(;|$)/i);
    const session = await auth.api.getSession({ headers: new Headers({ cookie: cookieFrom(res.headers) }) });
    expect(session?.user.email).toBe("bp@corp.test");
  });

  it("serves nothing at the root's /api/auth", async () => {
    expect((await signIn("/api/auth/sign-in/email")).status).toBe(404);
  });

  it("sets the sign-out's expired cookies on /admin too, so the browser drops the right ones", async () => {
    const res = await signIn("/admin/api/auth/sign-in/email");
    const out = await auth.handler(new Request(`${origin}/admin/api/auth/sign-out`, { method: "POST", headers: { cookie: cookieFrom(res.headers), origin } }));
    expect(out.status).toBe(200);
    const cleared = out.headers.getSetCookie().filter((c) => c.startsWith("ba-admin.session_token="));
    expect(cleared.length).toBe(1);
    expect(cleared[0]).toMatch(/Max-Age=0/i);
    expect(cleared[0]).toMatch(/;\s*Path=\/admin(;|$)/i);
  });
});
