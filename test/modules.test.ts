import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { getAuthTables } from "better-auth/db";
import { admin, phoneNumber, twoFactor, username } from "better-auth/plugins";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrateAppSchema } from "../lib/db/migrate";
import { createNaming } from "../lib/db/naming";
import { openDatabase } from "../lib/db/open";
import { can, permissions } from "../lib/auth/permissions";
import {
  auditWords, banOf, enabledListColumns, enabledReviewExits, findModule, knownFields, listFilters, MAX_REVIEW_EXITS, type ModelName, modelNames, modules as registered, reviewDecisionOf,
  queueActions, reviewExitLabel, reviewExits, reviewStatesOf, waveActions,
} from "../lib/modules";
import { moduleBulkVerbs } from "../lib/actions/bulk-verbs";
import type { modules } from "../lib/modules";
import { modelsFromAuthOptions } from "../lib/modules/auth-options";
import { fieldsOf } from "../lib/modules/fields";
import { loadFacts } from "../lib/spam/facts";
import { outBit } from "../lib/spam/out-of-review";
import { userWhere } from "../lib/users/filters";
import { parseUserListParams, userFilterKeys } from "../lib/users/list-params";
import { listUsers } from "../lib/users/queries";
import { coreUserFilterKeys } from "../lib/users/search-params";

const fieldsOfSpec = (m: (typeof modules)[number], model: "user" | "session") => [...(m.requires[model] ?? []), ...(m.optional?.[model] ?? [])].sort();

describe("modules derive their fields from Better Auth's own schema", () => {
  it("reads each plugin's fields from the plugin, not a restated list", () => {
    const cases = [
      ["admin", admin().schema],
      ["username", username().schema],
      ["phoneNumber", phoneNumber({ sendOTP: () => {} }).schema],
      ["twoFactor", twoFactor().schema],
    ] as const;
    for (const [id, schema] of cases) {
      const m = findModule(id);
      expect(m, id).toBeDefined();
      if (!m) continue;
      expect(fieldsOfSpec(m as never, "user"), id).toEqual(Object.keys(schema.user.fields).sort());
      const session = (schema as Record<string, { fields: object } | undefined>).session;
      expect(fieldsOfSpec(m as never, "session"), id).toEqual(Object.keys(session?.fields ?? {}).sort());
    }
  });

  it("knows every core field Better Auth's migrations create, plus id", () => {
    const tables = getAuthTables({});
    const known = knownFields();
    for (const model of ["user", "session", "account", "verification"] as const) {
      expect([...known[model]]).toEqual(expect.arrayContaining(["id", ...Object.keys(tables[model]?.fields ?? {})]));
    }
  });

  it("refuses a module that requires a field the plugin does not define", () => {
    expect(() => fieldsOf(admin().schema, { user: ["banned", "isBanned"] })).toThrow(/user\.isBanned/);
  });

  it("turns Better Auth's option shape into the name mapping, plugin renames read back from the plugin", () => {
    expect(
      modelsFromAuthOptions({
        user: { modelName: "users", fields: { email: "email_address" } },
        plugins: { admin: { schema: { user: { fields: { banned: "is_banned" } }, session: { fields: { impersonatedBy: "impersonated_by" } } } } },
      }),
    ).toEqual({
      user: { modelName: "users", fields: { email: "email_address", banned: "is_banned" } },
      session: { fields: { impersonatedBy: "impersonated_by" } },
    });
    expect(() => modelsFromAuthOptions({ plugins: { nope: {} } as never })).toThrow(/plugins\.nope/);
    // a plugin table the dashboard reads (passkey) is renamed the same way
    expect(modelsFromAuthOptions({ plugins: { passkey: { schema: { passkey: { modelName: "passkeys", fields: { userId: "user_id" } } } } } })).toEqual({
      passkey: { modelName: "passkeys", fields: { userId: "user_id" } },
    });
  });
});

describe("which modules are on comes from the live schema", () => {
  const url = inject("databaseUrl");
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await sql`drop schema ${sql.id(s)} cascade`.execute(raw);
    await raw.destroy();
  });
  async function fresh(models: Parameters<typeof createNaming>[0] extends infer O ? (O extends { models: infer M } ? M : never) : never, plugins: Parameters<typeof migrateAppSchema>[2], prepare?: (schema: string) => Promise<unknown>) {
    const schema = `t_modules_${randomBytes(4).toString("hex")}`;
    schemas.push(schema);
    await sql`create schema ${sql.id(schema)}`.execute(raw);
    const naming = createNaming({ schema, casing: "camel", usePlural: false, models });
    await migrateAppSchema(raw, naming, plugins);
    await prepare?.(schema);
    return { schema, naming, d: await openDatabase({ url, naming, poolMax: 1, statementTimeoutMs: 5000 }) };
  }

  it("switches a module on only when its plugin's columns exist, and its features with it", async () => {
    // role is required by the dashboard itself: without the admin plugin, an app adds it by hand.
    const a = await fresh({}, ["username"], (schema) => sql`alter table ${sql.id(schema, "user")} add column "role" text`.execute(raw));
    expect([...a.d.caps.modules].sort()).toEqual(["core", "username"]);
    expect(banOf(a.d.caps)).toBeNull();
    // the admin module's list filter is known to the URL schema but refused here, naming the key
    await expect(listUsers(a.d, parseUserListParams({ status: "banned" }), new Date())).rejects.toThrow(/^status: not available/);
    await a.d.close();

    const b = await fresh({}, ["admin", "twoFactor"]);
    expect([...b.d.caps.modules].sort()).toEqual(["admin", "core", "twoFactor"]);
    expect(banOf(b.d.caps)?.fields).toEqual(["banned", "banReason", "banExpires"]);
    await b.d.close();
  });

  it("reads a ban column renamed through the admin plugin's own schema option", async () => {
    const models = modelsFromAuthOptions({ plugins: { admin: { schema: { user: { fields: { banned: "is_banned", banExpires: "ban_until" } } } } } });
    const t = await fresh(models, ["admin"]);
    const { rows } = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_schema = ${t.schema} and table_name = 'user'`.execute(raw);
    expect(rows.map((r) => r.column_name)).toEqual(expect.arrayContaining(["is_banned", "ban_until"]));
    expect(banOf(t.d.caps)).not.toBeNull();
    const now = new Date("2026-06-01T00:00:00Z");
    await sql`insert into ${sql.id(t.schema, "user")} (id, name, email, "emailVerified", "createdAt", "updatedAt", is_banned, ban_until)
      values ('u1', 'A', 'a@x.test', true, ${now}, ${now}, true, null), ('u2', 'B', 'b@x.test', true, ${now}, ${now}, false, null)`.execute(raw);
    const query = t.d.db.selectFrom("user").select("user.id").where(userWhere(t.d, { status: "banned" }, now));
    expect(query.compile().sql).toContain('"is_banned"');
    expect((await query.execute()).map((r) => r.id)).toEqual(["u1"]);
    // the spam review reads the module's "out of review" state through the same renamed columns; a
    // NULL ban column (a row written before the plugin) is not a ban, nor is an expired one
    await sql`insert into ${sql.id(t.schema, "user")} (id, name, email, "emailVerified", "createdAt", "updatedAt", is_banned, ban_until)
      values ('u3', 'C', 'c@x.test', true, ${now}, ${now}, null, null), ('u4', 'D', 'd@x.test', true, ${now}, ${now}, true, ${new Date("2026-05-01T00:00:00Z")})`.execute(raw);
    const facts = await loadFacts(t.d, t.d.db, null, now);
    expect(Object.fromEntries(facts.map((f) => [f.id, f.out]))).toEqual({ u1: outBit("banned"), u2: 0, u3: 0, u4: 0 });
    await t.d.close();
  });
});

describe("the core names no plugin", () => {
  it("has no module-by-id check outside lib/modules", () => {
    // a `modules.has("…")` or `findModule("…")` of a literal id anywhere in the core, the pages or the components
    const out = (() => {
      try {
        return execFileSync("grep", ["-rnE", String.raw`modules\.has\("|findModule\("`, "lib", "app", "components", "--exclude-dir=modules"], { encoding: "utf8" });
      } catch (err) {
        if ((err as { status?: number }).status === 1) return ""; // grep: no match
        throw err;
      }
    })();
    expect(out).toBe("");
  });
});

describe("permissions come from the modules' access statements", () => {
  it("keeps today's grants exactly: the least role holding each permission", () => {
    expect(permissions).toEqual({
      "users.read": "support", "sessions.read": "support", "sessions.revokeUser": "support", "users.verifyEmail": "support",
      // issue 11: the support desk's account fixes
      "users.recover": "support", "users.edit": "support", "users.unlinkAccount": "support", "twoFactor.disable": "support", "passkeys.remove": "support",
      "users.ban": "moderator", "users.bulk": "moderator", "sessions.revokeFilter": "moderator", "spam.review": "moderator",
      "users.setRole": "admin", "users.delete": "admin", "sessions.revokeAll": "admin", "audit.read": "admin",
      "organizations.read": "support", "organizations.manage": "moderator",
    });
    // and no role loses what a lesser one holds
    for (const p of Object.keys(permissions) as (keyof typeof permissions)[]) {
      if (can("support", p)) expect(can("moderator", p), p).toBe(true);
      if (can("moderator", p)) expect(can("admin", p), p).toBe(true);
    }
  });

  it("denies unknown permissions, unknown roles and prototype names", () => {
    for (const p of ["users.nope", "nope.read", "__proto__", "__proto__.read", "users.__proto__", "constructor", "", "."]) expect(can("admin", p as never), p).toBe(false);
    expect(can("owner" as never, "users.read")).toBe(false);
    expect(can("__proto__" as never, "users.read")).toBe(false);
  });
});

describe("what modules contribute", () => {
  it("derives the model list from the modules, in agreement with the Kysely schema's tables", () => {
    // Record<ModelName, true>: the type checker insists on exactly the schema's tables here.
    const tables: Record<ModelName, true> = {
      user: true, session: true, account: true, verification: true, passkey: true, twoFactor: true,
      organization: true, member: true, invitation: true, team: true, teamMember: true,
    };
    expect([...modelNames].sort()).toEqual(Object.keys(tables).sort());
  });

  it("names only permissions some module defines, in its navigation, palette and panels", () => {
    const named = registered.flatMap((m) => [...(m.ui?.nav ?? []), ...(m.ui?.paletteActions ?? []), ...(m.ui?.userPanels ?? [])].map((e) => e.permission));
    expect(named.length).toBeGreaterThan(5);
    for (const p of named) expect(Object.keys(permissions), p).toContain(p);
  });

  it("provides the spam review's \"out of review\" states: unique, at most seven, each decided by actions it audits", () => {
    const reasons = reviewExits.map((e) => e.reason);
    expect(reasons).toEqual(["banned"]);
    expect(new Set(reasons).size).toBe(reasons.length);
    expect(reasons.length).toBeLessThanOrEqual(MAX_REVIEW_EXITS);
    // an action decides at most one state, and reads in words in the audit log
    const actions = reviewExits.flatMap((e) => Object.keys(e.decisions));
    expect(new Set(actions).size).toBe(actions.length);
    for (const a of actions) expect(Object.keys(auditWords)).toContain(a);
    for (const e of reviewExits) if (e.waveAction) expect(Object.keys(permissions)).toContain(e.waveAction.permission);
    // a queue action is a verb the bulk action knows, under a permission some module defines
    for (const e of reviewExits) {
      if (!e.queueAction) continue;
      expect(Object.keys(moduleBulkVerbs)).toContain(e.queueAction.verb);
      expect(Object.keys(permissions)).toContain(e.queueAction.permission);
    }
    expect([reviewDecisionOf("users.bulk.ban"), reviewDecisionOf("user.unban"), reviewDecisionOf("user.setRole"), reviewDecisionOf("__proto__")]).toEqual([
      { reason: "banned", out: true }, { reason: "banned", out: false }, null, null,
    ]);
    expect([reviewExitLabel("banned"), reviewExitLabel("nope")]).toEqual(["Banned", "nope"]);
    // off with its module: no state, no wave action
    expect([enabledReviewExits(new Set(["core"])), waveActions(new Set(["core"])), queueActions(new Set(["core"]))]).toEqual([[], [], []]);
    expect(waveActions(new Set(["core", "admin"])).map((a) => a.id)).toEqual(["ban"]);
    expect(queueActions(new Set(["core", "admin"]))).toEqual([{ verb: "ban", label: "Ban selected", permission: "users.bulk" }]);
  });

  it("tells a user row's states as the SQL does: a ban in force, not an expired or NULL one", () => {
    const on = new Set(["core", "admin"]);
    const now = new Date("2026-06-01T00:00:00Z");
    expect(reviewStatesOf(on, { banned: true, banExpires: null }, now)).toEqual([{ reason: "banned", label: "Banned" }]);
    expect(reviewStatesOf(on, { banned: true, banExpires: "2026-07-01T00:00:00Z" }, now)).toEqual([{ reason: "banned", label: "Banned" }]);
    expect(reviewStatesOf(on, { banned: true, banExpires: new Date("2026-05-01T00:00:00Z") }, now)).toEqual([]);
    expect(reviewStatesOf(on, { banned: null, banExpires: null }, now)).toEqual([]);
    expect(reviewStatesOf(new Set(["core"]), { banned: true, banExpires: null }, now)).toEqual([]);
  });

  it("adds its list columns only while it is on", () => {
    expect(enabledListColumns(new Set(["core", "username"])).map((c) => c.id)).toEqual(["username"]);
    expect(enabledListColumns(new Set(["core"]))).toEqual([]);
  });

  it("adds its list filters to the one strict URL schema, accepting exactly their options", () => {
    const keys = listFilters.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(coreUserFilterKeys as readonly string[]).not.toContain(k);
    expect(userFilterKeys).toEqual([...coreUserFilterKeys, ...keys]);
    expect(parseUserListParams({ status: "banned" }).status).toBe("banned");
    expect(() => parseUserListParams({ status: "deleted" })).toThrow(/status/);
    expect(() => parseUserListParams({ statuss: "banned" })).toThrow(/statuss/);
  });
});
