import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuditTable } from "../lib/audit/table";
import { startAppServer } from "./helpers/app-server";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures } from "./helpers/fixtures";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://localhost:3000";
/** What the fixtures store as secrets: none may appear in any response. */
const SECRETS = ["scrypt$hash-that-must-never-leave", "oauth-access-token-secret", "tok_"];

/**
 * The account routes in-process with a real support session, the recovery routes talking over HTTP
 * to an independent Better Auth app (APP_AUTH_URL) on the same schema.
 */
describe("JSON API: recovery and account fixes", () => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof startAppServer>>;
  const routes: Record<string, Handler> = {};
  let cookie = "";

  beforeAll(async () => {
    t = await createTestDb("default");
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    await insertFixtures(t.d);
    await createPasswordUser(t.d, { id: "api_support", email: "support@corp.test", role: "support" });
    app = await startAppServer(t, ["admin", "username", "twoFactor"]);
    Object.assign(process.env, {
      DATABASE_URL: t.url, AUTH_DB_SCHEMA: t.schema, AUTH_DB_CASING: "camel", AUTH_DB_PLURAL: "false", AUTH_DB_MAPPING: "",
      BETTER_AUTH_SECRET: "api-account-secret-0123456789abcdefghij", BETTER_AUTH_URL: BASE,
      APP_AUTH_URL: app.url, APP_PASSWORD_RESET_REDIRECT: `${app.origin}/reset-password`,
    });
    const load = async (path: string, method: string) => (await import(path))[method] as Handler;
    routes.reset = await load("../app/api/v1/users/[id]/password-reset/route", "POST");
    routes.verification = await load("../app/api/v1/users/[id]/verification-email/route", "POST");
    routes.patch = await load("../app/api/v1/users/[id]/route", "PATCH");
    routes.get = await load("../app/api/v1/users/[id]/route", "GET");
    routes.unlink = await load("../app/api/v1/users/[id]/accounts/[accountId]/route", "DELETE");
    routes.twoFactor = await load("../app/api/v1/users/[id]/two-factor/disable/route", "POST");
    routes.passkey = await load("../app/api/v1/users/[id]/passkeys/[passkeyId]/route", "DELETE");
    const { getAuth } = await import("../lib/auth");
    const res = await (await getAuth()).api.signInEmail({ body: { email: "support@corp.test", password: PASSWORD }, returnHeaders: true });
    cookie = cookieFrom(res.headers);
  });
  afterAll(async () => {
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase()).close();
    await app?.close();
    await t?.cleanup();
  });

  const call = async (route: string, params: Record<string, string>, opts: { method?: string; body?: unknown } = {}) => {
    const res = await routes[route]!(
      new Request(`${BASE}/api/v1/x`, { method: opts.method ?? "POST", headers: { "content-type": "application/json", cookie, origin: BASE }, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) }),
      { params: Promise.resolve(params) },
    );
    const text = await res.text();
    for (const s of SECRETS) expect(text, `${route} leaked ${s}`).not.toContain(s);
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
  };

  it("sends a password reset through the app; the answer carries no token", async () => {
    const r = await call("reset", { id: "u_bob" }, { body: {} });
    expect(r).toMatchObject({ status: 200, body: { sent: true, email: "bob@gmail.com", app: { status: 200 } } });
    expect(app.mails.map((m) => m.to)).toEqual(["bob@gmail.com"]);
    expect(JSON.stringify(r.body)).not.toContain(app.mails[0]?.token);
    expect(decodeURIComponent(app.mails[0]?.url ?? "")).toContain(`${app.origin}/reset-password`);
  });

  it("resends the verification email to an unverified user, 409 for a verified one", async () => {
    expect(await call("verification", { id: "u_bob" })).toMatchObject({ status: 200, body: { sent: true } });
    expect(app.mails.at(-1)).toMatchObject({ kind: "verify", to: "bob@gmail.com" });
    expect(await call("verification", { id: "u_zoe" })).toMatchObject({ status: 409 });
  });

  it("PATCH edits a user: strict body, 409 naming a taken email, 403 on staff", async () => {
    expect(await call("patch", { id: "u_bob" }, { method: "PATCH", body: { name: "Bob Fixed", email: "Bob.Fixed@Gmail.com" } })).toMatchObject({
      status: 200, body: { usersChanged: 1, changed: expect.arrayContaining(["name", "email"]) },
    });
    expect(await call("patch", { id: "u_bob" }, { method: "PATCH", body: { email: "ZOE@example.com" } })).toMatchObject({
      status: 409, body: { error: { code: "conflict", message: expect.stringContaining("zoe@example.com") } },
    });
    expect(await call("patch", { id: "u_bob" }, { method: "PATCH", body: { name: "x", role: "admin" } })).toMatchObject({ status: 400 });
    expect(await call("patch", { id: "u_bob" }, { method: "PATCH", body: {} })).toMatchObject({ status: 400 });
    expect(await call("patch", { id: "u_alice" }, { method: "PATCH", body: { name: "x" } })).toMatchObject({ status: 403 });
  });

  it("DELETE a sign-in method, never the last one", async () => {
    expect(await call("unlink", { id: "u_zoe", accountId: "a4" }, { method: "DELETE" })).toMatchObject({ status: 200, body: { providerId: "github", remaining: 1 } });
    expect(await call("unlink", { id: "u_zoe", accountId: "a3" }, { method: "DELETE" })).toMatchObject({ status: 409 });
    expect(await call("unlink", { id: "u_zoe", accountId: "a3" }, { method: "DELETE", body: { force: true } })).toMatchObject({ status: 400 });
  });

  it("removes two-factor; a passkey route without the passkey table is a 409", async () => {
    await t.d.db.updateTable("user").set({ twoFactorEnabled: true }).where("user.id", "=", "u_bob").execute();
    expect(await call("twoFactor", { id: "u_bob" })).toMatchObject({ status: 200, body: { usersChanged: 1, factorsRemoved: 0 } });
    expect(await call("passkey", { id: "u_bob", passkeyId: "pk" }, { method: "DELETE" })).toMatchObject({ status: 409 });
  });

  it("the user's detail shows the result and no secret", async () => {
    const r = await call("get", { id: "u_bob" }, { method: "GET" });
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ name: "Bob Fixed", email: "bob.fixed@gmail.com", emailVerified: false });
  });
});
