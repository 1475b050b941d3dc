import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseNaming } from "../lib/config";
import { describeDerived, deriveConfig } from "../lib/app-config/derive";
import { findAuthConfig, loadAuthOptions } from "../lib/app-config/load";

/**
 * An app's own auth.ts, read the way `better-auth-admin start` reads it: a real TypeScript file with
 * a tsconfig path alias, real Better Auth and plugins, and a pg Pool pointed at a port that counts
 * connections, to show that reading the config opens none.
 */
const app = resolve(import.meta.dirname, "../test-results", `app-config-${process.pid}`);

describe("reading an app's Better Auth config", () => {
  let listener: net.Server;
  let connections = 0;
  beforeAll(async () => {
    listener = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => listener.listen(0, "127.0.0.1", r));
    const port = (listener.address() as net.AddressInfo).port;
    mkdirSync(join(app, "src/lib"), { recursive: true });
    writeFileSync(join(app, "tsconfig.json"), `{\n  // comments are allowed\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] }, },\n}\n`);
    writeFileSync(join(app, "src/lib/db.ts"), `import { Pool } from "pg";\nexport const pool: Pool = new Pool({ connectionString: "postgres://app:pw@127.0.0.1:${port}/app" });\n`);
    writeFileSync(
      join(app, "src/lib/auth.ts"),
      `import { betterAuth } from "better-auth";
import { admin, organization, twoFactor } from "better-auth/plugins";
import { pool } from "@/lib/db";

export const auth = betterAuth({
  database: pool,
  secret: "app-secret-app-secret-app-secret-0123456789",
  emailAndPassword: { enabled: true, requireEmailVerification: true },
  user: { modelName: "users", fields: { email: "email_address", emailVerified: "email_verified" } },
  session: { modelName: "user_sessions", cookieCache: { enabled: true, maxAge: 120 }, fields: { userId: "user_id" } },
  plugins: [admin({ schema: { user: { fields: { banned: "is_banned" } } } }), organization(), twoFactor()],
});
`,
    );
  });
  afterAll(async () => {
    rmSync(app, { recursive: true, force: true });
    await new Promise((r) => listener.close(r));
  });

  it("finds src/lib/auth.ts by itself, or the file --config names", () => {
    expect(findAuthConfig(app)).toBe(join(app, "src/lib/auth.ts"));
    expect(findAuthConfig(app, "./src/lib/auth.ts")).toBe(join(app, "src/lib/auth.ts"));
    expect(() => findAuthConfig(app, "./nope.ts")).toThrow(/--config \.\/nope\.ts: no such file/);
    expect(findAuthConfig(join(app, "src"))).toBe(join(app, "src/lib/auth.ts"));
  });

  it("loads the TypeScript config (alias included) and derives the schema and settings, opening no connection", async () => {
    const options = await loadAuthOptions(join(app, "src/lib/auth.ts"));
    const d = deriveConfig(options);
    expect(d.plugins).toEqual(["admin", "organization", "two-factor"]);
    expect(d.unmirrored).toEqual([]); // organization is mirrored by lib/modules/organization
    expect(JSON.parse(d.env.AUTH_DB_MAPPING ?? "")).toEqual({
      user: { modelName: "users", fields: { email: "email_address", emailVerified: "email_verified", banned: "is_banned" } },
      session: { modelName: "user_sessions", fields: { userId: "user_id" } },
    });
    expect(d.env.SESSION_COOKIE_CACHE_MAX_AGE).toBe("120");
    expect(d.env.AUTH_PRESERVE_SESSION_IN_DATABASE).toBe("false");
    expect(d.emailVerification).toBe(true);
    // what the server does with it: the same parser as AUTH_DB_MAPPING set by hand
    expect(parseNaming({ AUTH_DB_MAPPING: d.env.AUTH_DB_MAPPING }).models.user?.fields?.banned).toBe("is_banned");
    expect(describeDerived("src/lib/auth.ts", d)).toBe(
      "found src/lib/auth.ts: plugins admin, organization, two-factor; user table `users`; email verification on",
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(connections).toBe(0);
  });

  it("reads usePlural from a function adapter, and a plain options export", async () => {
    writeFileSync(
      join(app, "auth.ts"),
      `import { kyselyAdapter } from "@better-auth/kysely-adapter";
import type { BetterAuthOptions } from "better-auth";
import { Kysely, PostgresDialect } from "kysely";
import { Pool } from "pg";
import { pool } from "./src/lib/db";
// a Drizzle or Kysely app: usePlural is an option of the adapter, not of betterAuth()
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: pool as Pool }) });
export const options = {
  database: kyselyAdapter(db, { type: "postgres", usePlural: true }),
  session: { storeSessionInDatabase: false, preserveSessionInDatabase: true },
  secondaryStorage: { get: async () => null, set: async () => {}, delete: async () => {} },
} satisfies BetterAuthOptions;
`,
    );
    expect(findAuthConfig(app)).toBe(join(app, "auth.ts"));
    const d = deriveConfig(await loadAuthOptions(join(app, "auth.ts")));
    expect(d.usePlural).toBe(true);
    expect(d.env.AUTH_DB_PLURAL).toBe("true");
    expect(d.userTable).toBe("users");
    expect(d.sessionsInSecondaryStorage).toBe(true);
    expect(d.env.AUTH_PRESERVE_SESSION_IN_DATABASE).toBe("true");
    expect(d.env.SESSION_COOKIE_CACHE_MAX_AGE).toBe("0");
    expect(connections).toBe(0);
  });

  it("a file without a Better Auth export says what it exports", async () => {
    writeFileSync(join(app, "other.ts"), "export const x = 1;\n");
    await expect(loadAuthOptions(join(app, "other.ts"))).rejects.toThrow(/exports no Better Auth instance or options \(exports: x\)/);
  });
});
