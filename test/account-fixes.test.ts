import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "../lib/actions/registry";
import { executeAction } from "../lib/actions/runner";
import { depsFor, staffOf } from "./helpers/actions";
import { enrolTwoFactor, pluginApi, startAppServer } from "./helpers/app-server";
import { createTestDb, type TestDb } from "./helpers/db";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * Account fixes (edit, unlink a sign-in method, remove two-factor) through the one mutation path,
 * checked against an independent Better Auth app with the twoFactor and username plugins on the
 * same (renamed) schema: what the dashboard changes is what that app then does.
 */
describe("account fixes seen by the app's Better Auth", () => {
  let t: TestDb;
  let app: Awaited<ReturnType<typeof startAppServer>>;

  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed", ["admin", "username", "twoFactor"]);
    app = await startAppServer(t, ["admin", "username", "twoFactor"]);
    for (const id of ["fay", "gus", "hal", "ida", "jo"]) await createPasswordUser(t.d, { id, email: `${id}@app.test`, role: "user" });
    await createPasswordUser(t.d, { id: "boss", email: "boss@app.test", role: "admin" });
    const now = new Date();
    await t.d.db
      .insertInto("account")
      .values([
        { id: "gh_gus", userId: "gus", providerId: "github", accountId: "gh-1", accessToken: "gho_secret", createdAt: now, updatedAt: now },
        { id: "gh_hal", userId: "hal", providerId: "github", accountId: "gh-2", accessToken: "gho_secret", createdAt: now, updatedAt: now },
      ])
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  const act = (name: keyof typeof actions, input: unknown, staff = staffOf.support) => {
    const d = depsFor(t.d, staff);
    return { ...d, result: executeAction(actions[name] as never, d.deps, input) as Promise<Record<string, unknown>> };
  };
  const user = (id: string) =>
    t.d.db.selectFrom("user").select(["user.email", "user.emailVerified", "user.name", "user.username", "user.displayUsername", "user.twoFactorEnabled"]).where("user.id", "=", id).executeTakeFirstOrThrow();

  describe("edit", () => {
    it("changes the email (lower-cased, now unverified) and the app signs the user in with it", async () => {
      const { result, records } = act("user.update", { userId: "fay", email: "Fay.New@App.TEST", name: "Fay Fixed" });
      await expect(result).resolves.toMatchObject({ usersChanged: 1, changed: expect.arrayContaining(["email", "emailVerified", "name"]) });
      expect(await user("fay")).toMatchObject({ email: "fay.new@app.test", emailVerified: false, name: "Fay Fixed" });
      expect(records()[0]).toMatchObject({
        action: "user.update",
        before: { email: "fay@app.test", emailVerified: true, name: "fay" },
        after: { email: "fay.new@app.test", emailVerified: false, name: "Fay Fixed" },
      });
      const signedIn = await app.auth.api.signInEmail({ body: { email: "fay.new@app.test", password: PASSWORD } });
      expect(signedIn.user.id).toBe("fay");
    });

    it("keeps the email verified when the staff member says so", async () => {
      await act("user.update", { userId: "ida", email: "ida2@app.test", keepEmailVerified: true }).result;
      expect(await user("ida")).toMatchObject({ email: "ida2@app.test", emailVerified: true });
    });

    it("refuses an email another user holds, in any case (409 naming it), changing nothing", async () => {
      const { result, lines } = act("user.update", { userId: "gus", email: "HAL@app.test", name: "Not applied" });
      await expect(result).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("hal@app.test") });
      expect(await user("gus")).toMatchObject({ email: "gus@app.test", name: "gus" });
      expect(lines).toHaveLength(0);
    });

    it("two edits claiming the same new address at once: exactly one wins", async () => {
      const outcomes = await Promise.allSettled([
        act("user.update", { userId: "gus", email: "race@app.test" }).result,
        act("user.update", { userId: "hal", email: "RACE@app.test" }).result,
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    });

    it("sets a username as the plugin does (lower-cased, display form as typed); a taken one is a 409", async () => {
      await act("user.update", { userId: "jo", username: "Jo_Smith" }).result;
      expect(await user("jo")).toMatchObject({ username: "jo_smith", displayUsername: "Jo_Smith" });
      const signedIn = await pluginApi(app.auth).signInUsername({ body: { username: "jo_smith", password: PASSWORD } });
      expect(signedIn?.user.id).toBe("jo");
      await expect(act("user.update", { userId: "ida", username: "JO_SMITH" }).result).rejects.toMatchObject({ code: "conflict" });
    });

    it("answers 400 for unknown keys, nothing to change and bad values; 403 on staff for support", async () => {
      for (const input of [
        { userId: "jo", nmae: "typo" },
        { userId: "jo" },
        { userId: "jo", email: "not-an-email" },
        { userId: "jo", image: "javascript:alert(1)" },
        { userId: "jo", username: "a b" },
        { userId: "jo", keepEmailVerified: true },
        { userId: "jo", emailVerified: true },
      ]) {
        await expect(act("user.update", input).result, JSON.stringify(input)).rejects.toMatchObject({ code: "invalid_request" });
      }
      await expect(act("user.update", { userId: "boss", name: "x" }).result).rejects.toMatchObject({ code: "forbidden" });
    });
  });

  describe("unlink a sign-in method", () => {
    it("removes a provider, then refuses the last method; the app still signs the user in", async () => {
      const { result, records } = act("user.account.unlink", { userId: "gus", accountId: "gh_gus" });
      await expect(result).resolves.toMatchObject({ accountsRemoved: 1, providerId: "github", remaining: 1 });
      expect(records()[0]).toMatchObject({ before: { account: { id: "gh_gus", providerId: "github" }, methods: ["credential", "github"] }, after: { methods: ["credential"] } });
      expect(JSON.stringify(records())).not.toContain("gho_secret");
      await expect(act("user.account.unlink", { userId: "gus", accountId: "acc_gus" }).result).rejects.toMatchObject({ code: "conflict" });
      const email = (await user("gus")).email;
      expect((await app.auth.api.signInEmail({ body: { email, password: PASSWORD } })).user.id).toBe("gus");
    });

    it("two unlinks of the last two methods at once: one wins, one is refused", async () => {
      const outcomes = await Promise.allSettled([
        act("user.account.unlink", { userId: "hal", accountId: "gh_hal" }).result,
        act("user.account.unlink", { userId: "hal", accountId: "acc_hal" }).result,
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(outcomes.find((o) => o.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
      const left = await t.d.db.selectFrom("account").select("account.id").where("account.userId", "=", "hal").execute();
      expect(left).toHaveLength(1);
    });

    it("404s an account of another user", async () => {
      await expect(act("user.account.unlink", { userId: "jo", accountId: "acc_ida" }).result).rejects.toMatchObject({ code: "not_found" });
    });
  });

  describe("remove a passkey", () => {
    it("is refused while the app has no passkey table", async () => {
      await expect(act("user.passkey.remove", { userId: "jo", passkeyId: "pk" }).result).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("passkey table") });
    });

    it("removes one where the plugin's table exists, never the last way to sign in", async () => {
      // the passkey plugin's table, as its migration creates it, in the app's naming
      const n = t.naming;
      const c = (f: string) => sql.id(n.column("passkey", f));
      await sql`create table ${sql.table(`${t.schema}.${n.table("passkey")}`)} (
        ${c("id")} text primary key, ${c("name")} text, ${c("publicKey")} text not null,
        ${c("userId")} text not null references ${sql.table(`${t.schema}.${n.table("user")}`)} on delete cascade,
        ${c("credentialID")} text not null, ${c("counter")} integer not null, ${c("deviceType")} text not null,
        ${c("backedUp")} boolean not null, ${c("transports")} text, ${c("createdAt")} timestamptz, ${c("aaguid")} text)`.execute(t.raw);
      await t.reopen();
      expect(t.d.caps.modules.has("passkey")).toBe(true);
      const pk = (id: string, userId: string) => ({ id, name: `${id} phone`, publicKey: "pub", userId, credentialID: `cred-${id}`, counter: 0, deviceType: "multiDevice", backedUp: true, transports: "internal", createdAt: new Date(), aaguid: null });
      await t.d.db.insertInto("passkey").values([pk("pk_jo1", "jo"), pk("pk_jo2", "jo")]).execute();
      const { result, records } = act("user.passkey.remove", { userId: "jo", passkeyId: "pk_jo1" });
      await expect(result).resolves.toMatchObject({ passkeysRemoved: 1, remaining: 2 });
      expect(records()[0]).toMatchObject({ before: { passkey: { id: "pk_jo1", name: "pk_jo1 phone" }, methods: ["credential", "passkey", "passkey"] }, after: { passkey: null } });
      expect(JSON.stringify(records())).not.toContain("pub");
      // the password goes (a passkey is left), then the last passkey cannot
      await expect(act("user.account.unlink", { userId: "jo", accountId: "acc_jo" }).result).resolves.toMatchObject({ remaining: 1 });
      await expect(act("user.passkey.remove", { userId: "jo", passkeyId: "pk_jo2" }).result).rejects.toMatchObject({ code: "conflict" });
      await expect(act("user.passkey.remove", { userId: "jo", passkeyId: "pk_nope" }).result).rejects.toMatchObject({ code: "not_found" });
    });
  });

  describe("remove two-factor", () => {
    it("after removal the app signs the user in with the password alone", async () => {
      const email = (await user("ida")).email;
      await enrolTwoFactor(app.auth, email, PASSWORD);
      expect((await user("ida")).twoFactorEnabled).toBe(true);
      const challenged = (await app.auth.api.signInEmail({ body: { email, password: PASSWORD } })) as unknown as Record<string, unknown>;
      expect(challenged.twoFactorRedirect).toBe(true);

      const { result, records } = act("user.twoFactor.disable", { userId: "ida" });
      await expect(result).resolves.toMatchObject({ usersChanged: 1, factorsRemoved: 1 });
      expect(records()[0]).toMatchObject({ before: { twoFactorEnabled: true, factors: 1 }, after: { twoFactorEnabled: false, factors: 0 } });
      const after = (await app.auth.api.signInEmail({ body: { email, password: PASSWORD } })) as unknown as Record<string, unknown>;
      expect(after.twoFactorRedirect).toBeUndefined();
      expect((after.user as { id: string }).id).toBe("ida");
      // and the user can enrol again
      const again = await pluginApi(app.auth).enableTwoFactor({ body: { password: PASSWORD }, headers: new Headers({ cookie: cookieFrom((await app.auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true })).headers) }) });
      expect(again.totpURI).toMatch(/^otpauth:/);
    });
  });
});
