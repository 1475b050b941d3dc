import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { installAuditTable } from "../lib/audit/table";
import type { AppAuthConfig } from "../lib/config";
import { AUDIT_TABLE } from "../lib/db/app-tables";
import { depsFor, staffOf } from "./helpers/actions";
import { deadPort, startAppServer } from "./helpers/app-server";
import { createTestDb, type TestDb } from "./helpers/db";
import { createPasswordUser } from "./helpers/staff";

/**
 * Recovery emails are sent by the app's OWN Better Auth, reached over HTTP at APP_AUTH_URL: a real
 * Better Auth app on a random port, on the test schema with the app's (renamed) naming. The mail it
 * "sends" must carry a token that works on that app; an app that is down or refuses changes nothing
 * and records nothing.
 */
describe("recovery through the app's own Better Auth", () => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof startAppServer>>;
  let appAuth: AppAuthConfig;

  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed", ["admin", "username", "twoFactor"]);
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    app = await startAppServer(t, ["admin", "username", "twoFactor"]);
    appAuth = { url: app.url, resetRedirect: `${app.origin}/reset-password`, verifyRedirect: undefined, timeoutMs: 3_000 };
    await createPasswordUser(t.d, { id: "pat", email: "pat@app.test", role: "user" });
    await createPasswordUser(t.d, { id: "una", email: "una@app.test", role: "user" });
    await t.d.db.updateTable("user").set({ emailVerified: false }).where("user.id", "=", "una").execute();
    await createPasswordUser(t.d, { id: "boss", email: "boss@app.test", role: "admin" });
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });
  beforeEach(() => {
    app.mails.length = 0;
  });

  const run = (name: "user.passwordReset" | "user.verificationEmail", input: unknown, config: AppAuthConfig | null = appAuth, staff = staffOf.support) => {
    const d = depsFor(t.d, staff);
    d.deps.appAuth = config;
    return { ...d, result: executeAction(actions[name] as never, d.deps, input) as Promise<{ sent: boolean; email: string; app: { status: number } }> };
  };
  const auditCount = async (action: string) =>
    Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(`${t.schema}.${AUDIT_TABLE}`)} where action = ${action}`.execute(t.raw)).rows[0]?.n);

  it("has the app email a reset link whose token resets the password on that app, and audits it", async () => {
    const { result, records } = run("user.passwordReset", { userId: "pat" });
    await expect(result).resolves.toMatchObject({ sent: true, email: "pat@app.test", app: { status: 200 } });
    expect(app.mails).toHaveLength(1);
    const mail = app.mails[0];
    expect(mail).toMatchObject({ kind: "reset", to: "pat@app.test" });
    // the app's own link, leading to the operator's redirect
    expect(decodeURIComponent(mail?.url ?? "")).toContain(`${app.origin}/reset-password`);
    await app.auth.api.resetPassword({ body: { token: mail?.token ?? "", newPassword: "a brand new password" } });
    const signedIn = await app.auth.api.signInEmail({ body: { email: "pat@app.test", password: "a brand new password" } });
    expect(signedIn.user.id).toBe("pat");
    expect(records()).toHaveLength(1);
    expect(records()[0]).toMatchObject({ action: "user.passwordReset", targetIds: ["pat"], actor: { role: "support" }, after: { appStatus: 200 } });
    expect(await auditCount("user.passwordReset")).toBe(1);
  });

  it("has the app send the verification email again; its token verifies the address", async () => {
    const { result } = run("user.verificationEmail", { userId: "una" });
    await expect(result).resolves.toMatchObject({ sent: true, email: "una@app.test" });
    const mail = app.mails.find((m) => m.kind === "verify");
    expect(mail?.to).toBe("una@app.test");
    await app.auth.api.verifyEmail({ query: { token: mail?.token ?? "" } });
    const row = await t.d.db.selectFrom("user").select("user.emailVerified").where("user.id", "=", "una").executeTakeFirstOrThrow();
    expect(row.emailVerified).toBe(true);
  });

  it("refuses to 'resend' to a verified address: the app would silently send nothing", async () => {
    await expect(run("user.verificationEmail", { userId: "pat" }).result).rejects.toMatchObject({ code: "conflict" });
    expect(app.mails).toHaveLength(0);
  });

  it("an app that is down is a quick 503; nothing sent, nothing audited", async () => {
    const before = await auditCount("user.passwordReset");
    const started = Date.now();
    const { result, lines } = run("user.passwordReset", { userId: "pat" }, { ...appAuth, url: `http://127.0.0.1:${await deadPort()}/api/auth` });
    await expect(result).rejects.toMatchObject({ code: "unavailable", status: 503 });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(lines).toHaveLength(0);
    expect(await auditCount("user.passwordReset")).toBe(before);
  });

  it("an app that accepts the connection but never answers is a 503 after the timeout", async () => {
    const silent = createServer(() => {}); // holds every request open
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    try {
      const started = Date.now();
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/api/auth`;
      const { result, lines } = run("user.passwordReset", { userId: "pat" }, { ...appAuth, url, timeoutMs: 300 });
      await expect(result).rejects.toMatchObject({ code: "unavailable", message: expect.stringContaining("did not answer within 300 ms") });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(lines).toHaveLength(0);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it("an app that refuses is a 502 with its message; nothing audited", async () => {
    const before = await auditCount("user.passwordReset");
    // a redirect outside the app's trusted origins: Better Auth answers 403 INVALID_REDIRECT_URL
    const { result, lines } = run("user.passwordReset", { userId: "pat" }, { ...appAuth, resetRedirect: "https://elsewhere.example/reset" });
    await expect(result).rejects.toMatchObject({ code: "bad_gateway", status: 502, message: expect.stringMatching(/HTTP 403.*redirect/i) });
    expect(app.mails).toHaveLength(0);
    expect(lines).toHaveLength(0);
    expect(await auditCount("user.passwordReset")).toBe(before);
  });

  it("is refused without APP_AUTH_URL, and keeps support off staff accounts", async () => {
    await expect(run("user.passwordReset", { userId: "pat" }, null).result).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("APP_AUTH_URL") });
    await expect(run("user.passwordReset", { userId: "boss" }).result).rejects.toMatchObject({ code: "forbidden" });
    await expect(run("user.passwordReset", { userId: "nobody" }).result).rejects.toMatchObject({ code: "not_found" });
    await expect(run("user.passwordReset", { userId: "pat", email: "x@evil.test" }).result).rejects.toMatchObject({ code: "invalid_request" });
    expect(app.mails).toHaveLength(0);
  });
});
