import { Kysely, PostgresDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DashboardAuth, createDashboardAuth } from "../lib/auth/create-auth";
import { can, permissions } from "../lib/auth/permissions";
import { PROBE_TOKEN_BYTES, probeCookie, probeToken } from "../lib/auth/probe-cookie";
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

/**
 * The warm-up's probe cookie (lib/auth/probe-cookie.ts): it must run the session lookup (that is
 * what it warms) and never authenticate anyone, nor write anything.
 */
describe("the warm-up's probe cookie", () => {
  const secret = "probe-secret-probe-secret-probe-secret-7";
  let t: TestDb;
  let auth: DashboardAuth;
  /** the SQL statements Better Auth ran, in order */
  const queries: string[] = [];
  beforeAll(async () => {
    t = await createTestDb("default");
    const authDb = new Kysely<Record<string, never>>({ dialect: new PostgresDialect({ pool: t.d.pool }), log: (e) => void queries.push(e.query.sql) });
    auth = createDashboardAuth({ ...t.d, authDb }, { secret, baseUrl: "http://localhost:3000", staffRoleMap });
    await createPasswordUser(t.d, { id: "staff_p", email: "pat@corp.test", role: "admin" });
  });
  afterAll(async () => t?.cleanup());

  const rows = async () => {
    const [s, v] = await Promise.all([
      t.d.db.selectFrom("session").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
      t.d.db.selectFrom("verification").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { sessions: Number(s.n), verifications: Number(v.n) };
  };
  const lookup = async (cookie: string) => {
    queries.length = 0;
    const session = await auth.api.getSession({ headers: new Headers({ cookie }) });
    return { session, queries: [...queries] };
  };

  it("passes the signature check and runs the session lookup, which finds nobody, writing nothing", async () => {
    const name = (await auth.$context).authCookies.sessionToken.name;
    expect(name).toBe("ba-admin.session_token");
    const before = await rows();
    const probe = await probeCookie(name, secret);
    const r = await lookup(probe);
    expect(r.session).toBeNull();
    expect(r.queries.some((q) => /"session"\."token" = \$1/.test(q))).toBe(true); // the lookup ran: warmed
    expect(r.queries.filter((q) => !/^\s*select/i.test(q))).toEqual([]); // reads only
    expect(await rows()).toEqual(before);
  });

  it("makes a fresh 192-bit token every time, which no session holds", async () => {
    const tokens = await Promise.all(Array.from({ length: 50 }, async () => probeToken(await probeCookie("ba-admin.session_token", secret))));
    expect(new Set(tokens).size).toBe(50);
    for (const token of tokens) expect(Buffer.from(token, "base64url")).toHaveLength(PROBE_TOKEN_BYTES);
    expect(PROBE_TOKEN_BYTES * 8).toBe(192);
    const held = await t.d.db.selectFrom("session").select("session.token").where("session.token", "in", tokens).execute();
    expect(held).toEqual([]);
  });

  it("cannot be turned into a session: another secret, an edited token or a real token under the probe's signature are refused before any lookup", async () => {
    const res = await auth.api.signInEmail({ body: { email: "pat@corp.test", password: PASSWORD }, returnHeaders: true });
    const real = cookieFrom(res.headers);
    expect((await lookup(real)).session?.user.email).toBe("pat@corp.test"); // the real cookie works
    const realToken = probeToken(real);
    const probe = await probeCookie("ba-admin.session_token", secret);
    const probeValue = decodeURIComponent(probe.slice(probe.indexOf("=") + 1));
    const probeSig = probeValue.slice(probeValue.lastIndexOf(".") + 1);
    const forged = [
      await probeCookie("ba-admin.session_token", "another-secret-another-secret-another-1"),
      `ba-admin.session_token=${encodeURIComponent(`${probeToken(probe).slice(0, -1)}A.${probeSig}`)}`,
      `ba-admin.session_token=${encodeURIComponent(`${realToken}.${probeSig}`)}`,
    ];
    for (const cookie of forged) {
      const r = await lookup(cookie);
      expect(r.session).toBeNull();
      expect(r.queries).toEqual([]);
    }
  });
});
