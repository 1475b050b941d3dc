import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { parseNaming } from "../lib/config";
import { NameMappingPlugin } from "../lib/db/name-mapping-plugin";
import { createNaming, type NamingOptions } from "../lib/db/naming";
import type { DB } from "../lib/db/schema";

/** Compiles without a database: these tests pin the SQL the plugin produces. */
function compiler(options: Partial<NamingOptions>) {
  const naming = createNaming({ schema: "public", casing: "camel", usePlural: false, models: {}, ...options });
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: [new NameMappingPlugin(naming)],
  });
}

const snake = compiler({ schema: "auth", casing: "snake", usePlural: true, models: { user: { modelName: "members", fields: { email: "email_address" } } } });

describe("name mapping plugin", () => {
  it("leaves Better Auth's default names as they are, schema-qualified", () => {
    const q = compiler({}).selectFrom("user").select(["user.emailVerified"]).where("user.id", "=", "x").compile();
    expect(q.sql).toBe('select "user"."emailVerified" from "public"."user" as "user" where "user"."id" = $1');
  });

  it("renames tables and columns and aliases selections back to logical names", () => {
    const q = snake.selectFrom("user").select(["user.email", "user.emailVerified", "name"]).compile();
    expect(q.sql).toBe('select "user"."email_address" as "email", "user"."email_verified" as "emailVerified", "name" from "auth"."members" as "user"');
  });

  it("maps correlated subqueries and joins by alias", () => {
    const q = snake
      .selectFrom("user as u")
      .innerJoin("session as s", "s.userId", "u.id")
      .select(["u.id", (eb) => eb.selectFrom("account").select("account.providerId").whereRef("account.userId", "=", "u.id").limit(1).as("p")])
      .where("s.ipAddress", "=", "1.2.3.4")
      .compile();
    expect(q.sql).toBe(
      'select "u"."id", (select "account"."provider_id" as "providerId" from "auth"."accounts" as "account" where "account"."user_id" = "u"."id" limit $1) as "p" from "auth"."members" as "u" inner join "auth"."sessions" as "s" on "s"."user_id" = "u"."id" where "s"."ip_address" = $2',
    );
  });

  it("maps UPDATE SET, INSERT columns and RETURNING", () => {
    expect(snake.updateTable("user").set({ banReason: "x" }).where("user.id", "=", "1").returning(["user.banExpires"]).compile().sql).toBe(
      'update "auth"."members" as "user" set "ban_reason" = $1 where "user"."id" = $2 returning "user"."ban_expires" as "banExpires"',
    );
    expect(snake.insertInto("session").values({ userId: "u", ipAddress: null } as never).compile().sql).toBe(
      'insert into "auth"."sessions" ("user_id", "ip_address") values ($1, $2)',
    );
    expect(snake.deleteFrom("session").where("session.userId", "=", "u").compile().sql).toBe(
      'delete from "auth"."sessions" as "session" where "session"."user_id" = $1',
    );
  });

  it("maps references inside raw sql fragments", () => {
    const q = snake.selectFrom("user").select(sql<string>`lower(${sql.ref("user.email")})`.as("e")).compile();
    expect(q.sql).toBe('select lower("user"."email_address") as "e" from "auth"."members" as "user"');
  });

  it("leaves derived-table columns and output aliases alone", () => {
    const inner = snake.selectFrom("session").select(["session.userId", (eb) => eb.fn.max("session.updatedAt").as("last")]).groupBy("session.userId").as("la");
    const q = snake.selectFrom(inner).select(["la.userId", "la.last"]).orderBy("last").compile();
    expect(q.sql).toBe(
      'select "la"."userId", "la"."last" from (select "session"."user_id" as "userId", max("session"."updated_at") as "last" from "auth"."sessions" as "session" group by "session"."user_id") as "la" order by "last"',
    );
  });

  it("refuses selectAll on a Better Auth table (it would return secrets and physical names)", () => {
    expect(() => snake.selectFrom("account").selectAll().compile()).toThrow(/selectAll/);
    expect(() => snake.selectFrom("account").selectAll("account").compile()).toThrow(/selectAll/);
    expect(snake.selectFrom("user").select((eb) => eb.fn.countAll().as("n")).compile().sql).toBe('select count(*) as "n" from "auth"."members" as "user"');
  });

  it("refuses ambiguous unqualified columns instead of guessing", () => {
    expect(() => snake.selectFrom("user").innerJoin("session", "session.userId", "user.id").select("user.id").where("createdAt" as never, ">", new Date() as never).compile()).toThrow(/Ambiguous/);
  });
});

describe("naming from the environment", () => {
  it("reads schema, casing, plural and per-model renames", () => {
    const n = createNaming(
      parseNaming({ AUTH_DB_SCHEMA: "auth", AUTH_DB_CASING: "snake", AUTH_DB_PLURAL: "true", AUTH_DB_MAPPING: '{"session":{"modelName":"user_sessions","fields":{"token":"session_token"}}}' }),
    );
    expect([n.table("user"), n.table("session"), n.column("session", "token"), n.column("user", "emailVerified")]).toEqual([
      "users", "user_sessions", "session_token", "email_verified",
    ]);
    expect(n.qualified("account")).toBe('"auth"."accounts"');
  });

  it.each([
    [{ AUTH_DB_CASING: "kebab" }, /AUTH_DB_CASING/],
    [{ AUTH_DB_PLURAL: "yes" }, /AUTH_DB_PLURAL/],
    [{ AUTH_DB_MAPPING: "{not json" }, /not valid JSON/],
    [{ AUTH_DB_MAPPING: '{"users":{"modelName":"x"}}' }, /AUTH_DB_MAPPING/],
    [{ AUTH_DB_MAPPING: '{"user":{"fields":{"email":""}}}' }, /AUTH_DB_MAPPING/],
  ])("rejects %j with a message naming the variable", (env, message) => {
    expect(() => parseNaming(env)).toThrow(message);
  });
});
