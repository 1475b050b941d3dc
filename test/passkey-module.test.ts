import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modelNames, navEntries, paletteEntries, userPanels } from "../lib/modules";
import { listUserPasskeys } from "../lib/modules/passkey/queries";
import { createTestDb, type NamingName, type TestDb } from "./helpers/db";

/**
 * The passkey module is the proof that a module is a folder plus one registration line: its table
 * is created by Better Auth's migrations from the module's plugin schema, introspection switches it
 * on, the name mapping renames it like any core table, and its query reads no key material.
 */
describe.each(["default", "snake-plural-renamed"] as NamingName[])("passkey module (%s naming)", (variant) => {
  let t: TestDb;
  const now = new Date("2026-06-01T00:00:00Z");
  beforeAll(async () => {
    t = await createTestDb(variant, ["admin", "passkey"]);
    const user = t.naming.qualified("user");
    const col = (model: "user" | "passkey", f: string) => sql.id(t.naming.column(model, f));
    await sql`insert into ${sql.raw(user)} (${sql.join(["id", "name", "email", "emailVerified", "createdAt", "updatedAt"].map((f) => col("user", f)))})
      values ('u1', 'A', 'a@x.test', true, ${now}, ${now}), ('u2', 'B', 'b@x.test', true, ${now}, ${now})`.execute(t.raw);
    const pk = sql.raw(t.naming.qualified("passkey"));
    const cols = ["id", "name", "publicKey", "userId", "credentialID", "counter", "deviceType", "backedUp", "createdAt"].map((f) => col("passkey", f));
    const older = new Date("2026-05-01T00:00:00Z");
    await sql`insert into ${pk} (${sql.join(cols)}) values
      ('p1', 'MacBook', 'PUBLIC-KEY-1', 'u1', 'cred-1', 7, 'singleDevice', false, ${older}),
      ('p2', null, 'PUBLIC-KEY-2', 'u1', 'cred-2', 3, 'multiDevice', true, ${now}),
      ('p3', 'Other', 'PUBLIC-KEY-3', 'u2', 'cred-3', 1, 'multiDevice', true, ${now})`.execute(t.raw);
  });
  afterAll(() => t?.cleanup());

  it("is on when Better Auth's passkey table exists, and its panel is contributed", () => {
    expect(t.d.caps.modules.has("passkey" as never)).toBe(true);
    expect(userPanels(t.d.caps.modules).map((p) => p.id)).toContain("passkeys");
    if (variant === "snake-plural-renamed") expect(t.naming.table("passkey")).toBe("passkeys");
  });

  it("lists a user's passkeys newest first, without key material or counters", async () => {
    const rows = await listUserPasskeys(t.d, "u1");
    expect(rows).toEqual([
      { id: "p2", name: null, deviceType: "multiDevice", backedUp: true, createdAt: now },
      { id: "p1", name: "MacBook", deviceType: "singleDevice", backedUp: false, createdAt: new Date("2026-05-01T00:00:00Z") },
    ]);
    const compiled = t.d.db.selectFrom("passkey").select(["passkey.id"]).compile().sql;
    expect(compiled).toContain(t.naming.table("passkey"));
    for (const r of rows) expect(Object.keys(r).sort()).toEqual(["backedUp", "createdAt", "deviceType", "id", "name"]);
    expect(JSON.stringify(rows)).not.toMatch(/PUBLIC-KEY|cred-|counter/);
    expect(await listUserPasskeys(t.d, "nobody")).toEqual([]);
  });
});

describe("without the passkey plugin", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb("default", ["admin"]);
  });
  afterAll(() => t?.cleanup());

  it("the module is off and contributes nothing, while the core's navigation stays", () => {
    expect(modelNames).toContain("passkey");
    expect(t.d.caps.modules.has("passkey" as never)).toBe(false);
    expect(userPanels(t.d.caps.modules)).toEqual([]);
    expect(navEntries(t.d.caps.modules).map((e) => e.href)).toEqual(["/overview", "/users", "/sessions", "/spam", "/audit"]);
    expect(paletteEntries(t.d.caps.modules).map((e) => e.label)).toContain("Show banned users");
  });
});
