import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deriveConfig } from "../lib/app-config/derive";
import { loadAuthOptions } from "../lib/app-config/load";
import { parseNaming } from "../lib/config";
import { createNaming } from "../lib/db/naming";
import { type Database, openDatabase } from "../lib/db/open";
import { freePort } from "./helpers/server-process";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * The package as a user gets it: `npm pack` (prepack builds dist/), the tarball installed into an
 * empty folder, `npx better-auth-admin start --config <app>/auth.ts` beside a small Better Auth app
 * whose auth.ts renames tables and fields and turns on the admin and organization plugins, on a
 * database of its own created by Better Auth's migrations from that same auth.ts. No AUTH_DB_*
 * variable is set: the schema comes from the config. Slow (pack, install): PACK_TEST=1 or CI only.
 */
const run = process.env.PACK_TEST === "1" || process.env.CI === "true";
const root = resolve(import.meta.dirname, "..");

// Under the repository, so the app's own `better-auth` and `pg` resolve as in any app (its node_modules).
const app = resolve(root, "test-results", `pack-app-${process.pid}`);
const AUTH_TS = `import { betterAuth } from "better-auth";
import { admin, organization } from "better-auth/plugins";
import { Pool } from "pg";

export const auth = betterAuth({
  database: new Pool({ connectionString: process.env.DATABASE_URL }),
  emailAndPassword: { enabled: true },
  user: { modelName: "users", fields: { email: "email_address", emailVerified: "email_verified", createdAt: "created_at", updatedAt: "updated_at" } },
  session: { modelName: "user_sessions", fields: { userId: "user_id" } },
  plugins: [
    admin({ schema: { user: { fields: { banned: "is_banned", banReason: "ban_reason" } } } }),
    organization({ schema: { organization: { modelName: "workspaces" }, member: { modelName: "workspace_members", fields: { organizationId: "workspace_id" } } } }),
  ],
});
`;

// On a real server only: the test creates a database of its own (the embedded engine has one).
describe.skipIf(!run || inject("embedded"))("the packed package, installed and run in an app's folder", () => {
  let dbName: string;
  let dbUrl: string;
  let admin: Kysely<any>;
  let d: Database;
  let installDir: string;
  let child: ChildProcess | undefined;
  let out = "";

  beforeAll(async () => {
    const base = new URL(inject("databaseUrl"));
    admin = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: base.toString(), max: 1 }) }) });
    dbName = `pack_${randomBytes(4).toString("hex")}`;
    await sql`create database ${sql.id(dbName)}`.execute(admin);
    const u = new URL(base);
    u.pathname = `/${dbName}`;
    dbUrl = u.toString();

    // the app: its auth.ts, and its schema created by Better Auth's migrations from that file
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, "auth.ts"), AUTH_TS);
    process.env.DATABASE_URL = dbUrl;
    const options = await loadAuthOptions(join(app, "auth.ts"));
    const { getMigrations } = await import("better-auth/db/migration");
    await (await getMigrations(options as never)).runMigrations();
    await (options.database as pg.Pool).end();
    delete process.env.DATABASE_URL;

    const naming = createNaming(parseNaming(deriveConfig(options).env));
    d = await openDatabase({ url: dbUrl, naming, poolMax: 2, statementTimeoutMs: 10_000 });
    await createPasswordUser(d, { id: "pk_admin", email: "admin@pack.test", role: "admin" });
    for (let i = 1; i <= 3; i++) await createPasswordUser(d, { id: `pk_user${i}`, email: `user${i}@pack.test`, role: "user" });
    // an organization with two members, in the app's renamed tables (written through the dashboard's own name mapping)
    const createdAt = new Date();
    await d.db.insertInto("organization").values({ id: "pk_org", name: "Pack Test Org", slug: "pack-test", createdAt }).execute();
    await d.db
      .insertInto("member")
      .values([
        { id: "pk_m1", organizationId: "pk_org", userId: "pk_user1", role: "owner", createdAt },
        { id: "pk_m2", organizationId: "pk_org", userId: "pk_user2", role: "member", createdAt },
      ])
      .execute();
  }, 900_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
    await d?.close();
    if (dbName) await sql`drop database if exists ${sql.id(dbName)} with (force)`.execute(admin);
    await admin?.destroy();
    rmSync(app, { recursive: true, force: true });
    if (installDir) rmSync(installDir, { recursive: true, force: true });
  });

  it("packs, installs, starts from the app's auth.ts, signs a staff member in and lists users and organizations", { timeout: 900_000 }, async () => {
    const t0 = Date.now();
    const packDir = mkdtempSync(join(tmpdir(), "ba-admin-pack-"));
    const packed = execFileSync("npm", ["pack", "--pack-destination", packDir], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith(".tgz")) ?? "");
    const packMs = Date.now() - t0;
    console.log(`[package] npm pack: ${Math.round(packMs / 1000)} s, ${(statSync(tarball).size / 1e6).toFixed(1)} MB (${packed.trim().split("\n").pop()})`);

    installDir = mkdtempSync(join(tmpdir(), "ba-admin-install-"));
    writeFileSync(join(installDir, "package.json"), JSON.stringify({ name: "install-test", private: true }));
    const t1 = Date.now();
    execFileSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: installDir, stdio: "inherit" });
    console.log(`[package] npm install of the tarball: ${Math.round((Date.now() - t1) / 1000)} s`);
    rmSync(packDir, { recursive: true, force: true });

    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    const env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: dbUrl, BETTER_AUTH_SECRET: "pack-test-secret-pack-test-secret-0123456789" };
    const started = Date.now();
    const proc = spawn("npx", ["better-auth-admin", "start", "--port", String(port), "--config", join(app, "auth.ts")], {
      cwd: installDir, env: env as NodeJS.ProcessEnv, detached: true, stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    proc.stdout?.on("data", (c: Buffer) => (out += c.toString()));
    proc.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    let firstPage = 0;
    while (Date.now() - started < 60_000) {
      if (proc.exitCode !== null) throw new Error(`exited ${proc.exitCode}:\n${out}`);
      const status = await fetch(`${baseUrl}/sign-in`).then((r) => r.status, () => 0);
      if (status === 200) {
        firstPage = Date.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`[package] npx better-auth-admin start → first page (GET /sign-in 200): ${firstPage} ms\n${out}`);
    expect(firstPage).toBeGreaterThan(0);
    expect(out).toContain(`found ${join(app, "auth.ts")}: plugins admin, organization; user table \`users\``);
    // ready once the warm start's requests are done (503 "warming" until then, at most 20 s)
    await expect.poll(() => fetch(`${baseUrl}/api/ready`).then((r) => r.status), { timeout: 30_000, interval: 250 }).toBe(200);

    const signIn = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email: "admin@pack.test", password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const res = await fetch(`${baseUrl}/api/v1/users?limit=10`, { headers: { cookie: cookieFrom(signIn.headers) } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { email: string }[] };
    expect(body.data.map((u) => u.email).sort()).toEqual(["admin@pack.test", "user1@pack.test", "user2@pack.test", "user3@pack.test"]);
    const orgs = await fetch(`${baseUrl}/api/v1/organizations?limit=10`, { headers: { cookie: cookieFrom(signIn.headers) } });
    expect(orgs.status).toBe(200);
    expect(((await orgs.json()) as { data: unknown[] }).data).toEqual([expect.objectContaining({ id: "pk_org", name: "Pack Test Org", slug: "pack-test", memberCount: 2 })]);

    // What `docker stop` or Ctrl-C does to the group (npx, the command, the server): the server shuts
    // down gracefully (npx itself may die of the signal); 'close' = every process writing to the pipes is gone.
    const closed = new Promise<void>((r) => proc.once("close", () => r()));
    if (proc.pid) process.kill(-proc.pid, "SIGTERM");
    await closed;
    expect(out).toMatch(/\[dashboard\] stopped in \d+ ms/);
    expect(await fetch(`${baseUrl}/api/health`).then(() => "answered", () => "refused")).toBe("refused");
  });
});
