import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { installAuditTable } from "../lib/audit/table";
import type { StaffRole } from "../lib/auth/roles";
import { depsFor, staffOf, staffRoleMap } from "./helpers/actions";
import { createTestDb, type TestDb } from "./helpers/db";
import { insertFixtures } from "./helpers/fixtures";
import { body, bodyObject, hostileString, jsonValue, PROTO_NAMES, queryString, tainted, urlPiece } from "./helpers/fuzz-arbitraries";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

/**
 * Property-based fuzzing of every way in: each /api/v1 route handler (in-process, real Better Auth
 * sessions, real database), Better Auth's sign-in, executeAction for every registered action and the
 * previews, with generated hostile input. Whatever comes in: never a 5xx (never an error other than
 * AppError for the in-process entry points), always `{ error: { code, message } }` on a 4xx, no
 * secret (session token, password hash, OAuth token, TOTP secret, signing secret) in an /api/v1 body,
 * and the user, session and account rows unchanged (mutations target ids that do not exist, filters
 * that match nobody, or are dry runs). The handlers are found on disk (every route.ts under
 * app/api/v1): one that no generated property reaches fails the test, so a new route cannot be left
 * out. Replay a failure with FUZZ_SEED=<seed printed below>; FUZZ_RUNS sets the total number of
 * generated inputs.
 */
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Who = "anonymous" | "junk" | "user" | StaffRole;
const BASE = "http://localhost:3000";

const embedded = inject("embedded");
// A developer's run draws a new seed each time (and prints it); CI runs a fixed one, so whether a
// submission lands never depends on the draw. Seeds that found bugs become known cases above.
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI === "true" ? 20_261_202 : Math.floor(Math.random() * 2 ** 31);
const TOTAL = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : embedded ? 1_000 : 1_200;
const share = (fraction: number) => Math.max(1, Math.round(TOTAL * fraction));

/** Mostly the most privileged role, which gets deepest, but every kind of caller. */
const who: fc.Arbitrary<Who> = fc.oneof(
  { weight: 5, arbitrary: fc.constant<Who>("admin") },
  { weight: 2, arbitrary: fc.constant<Who>("moderator") },
  { weight: 2, arbitrary: fc.constant<Who>("support") },
  { weight: 1, arbitrary: fc.constantFrom<Who>("anonymous", "junk", "user") },
);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** A filter that can match nobody in the fixture world, however hostile the rest of it. */
const NOBODY = "1970-01-02";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** The folders of app/api/v1 holding a route.ts ("users/[id]/ban"): what the API serves, read from disk. */
function v1RouteDirs(): string[] {
  const root = fileURLToPath(new URL("../app/api/v1/", import.meta.url));
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .map((f) => f.replaceAll("\\", "/"))
    .filter((f) => /(^|\/)route\.tsx?$/.test(f))
    .map((f) => f.replace(/\/?route\.tsx?$/, ""))
    .sort();
}

describe("fuzz: bad input is never a 500 and changes nothing", () => {
  let t: TestDb;
  const routes: Record<string, Handler> = {};
  /** "<METHOD> <folder under app/api/v1>" of every exported handler, filled from disk in beforeAll */
  const v1Handlers: string[] = [];
  /** tokens, password hashes, OAuth tokens, TOTP secrets and the signing secret: never in an /api/v1 body */
  const secrets: string[] = [];
  const cookies: Partial<Record<Who, string>> = {};
  /** ids, emails and phrases a generated string must not hit exactly, or a mutation could succeed */
  const taken = new Set<string>();
  const histogram = new Map<string, Map<string, number>>();
  let before = "";
  let requests = 0;

  const count = (route: string, outcome: string | number) => {
    const h = histogram.get(route) ?? new Map<string, number>();
    h.set(String(outcome), (h.get(String(outcome)) ?? 0) + 1);
    histogram.set(route, h);
  };
  const snapshot = async () => {
    const table = (name: string) => sql`(select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t.id)), '') from ${sql.table(`${t.schema}.${name}`)} t)`;
    const r = await sql<{ s: string }>`select concat_ws(' ', ${table("user")}, ${table("session")}, ${table("account")}) as s`.execute(t.raw);
    return r.rows[0]?.s ?? "";
  };
  /** Strings equal to a real id or email get a suffix: generated mutations then find nothing to change. */
  const defuse = (v: unknown): unknown => {
    if (typeof v === "string") return taken.has(v.trim().toLowerCase()) ? `${v}-absent` : v;
    if (Array.isArray(v)) return v.map(defuse);
    if (isObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, defuse(x)]));
    return v;
  };
  const nobodyFilter = (v: unknown) => (isObject(v) ? { ...v, createdBefore: NOBODY } : v);
  /** The route-specific part of "change nothing": broad selections match nobody, "everyone" is a dry run. */
  const safeBody = (route: string, json: unknown) => {
    const b = defuse(json);
    if (!isObject(b)) return b;
    if (route === "POST users/bulk") return { ...b, filter: nobodyFilter(b.filter) };
    if (route === "POST sessions/revoke") return b.all === true ? { ...b, dryRun: true } : Array.isArray(b.userIds) ? b : { ...b, createdBefore: NOBODY };
    return b;
  };
  const safeInput = (action: string, raw: unknown) => {
    const v = defuse(raw);
    if (!isObject(v)) return v;
    if (action === "users.bulk" || action === "sessions.revoke.filter") return { ...v, filter: nobodyFilter(v.filter) };
    return v;
  };

  /** One request through a real handler, checked: no 5xx, the error shape on 4xx, and no row changed. */
  const send = async (route: string, method: string, path: string, opts: { as: Who; body?: string; params?: Promise<Record<string, string>>; origin?: string }) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (opts.as !== "anonymous") headers.cookie = cookies[opts.as] ?? "";
    if (opts.origin) headers.origin = opts.origin;
    const req = new Request(`${BASE}${path}`, { method, headers, body: opts.body });
    const res = await routes[route]!(req, { params: opts.params ?? Promise.resolve({}) });
    requests++;
    count(route, res.status);
    const text = await res.text();
    const detail = `${method} ${path.slice(0, 300)} as ${opts.as} → ${res.status} ${text.slice(0, 300)}`;
    expect(res.status, detail).toBeLessThan(500);
    // Better Auth's own get-session answers with the caller's session (token included): only /api/v1 is held to this.
    if (path.startsWith("/api/v1/")) expect(secrets.find((x) => text.includes(x)), `a secret in ${detail}`).toBeUndefined();
    if (res.status >= 400 && path.startsWith("/api/v1/")) {
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      expect(typeof parsed.error?.code, detail).toBe("string");
      expect(typeof parsed.error?.message, detail).toBe("string");
    }
    // Reads are checked once per property (below), mutations after every request, so a change shrinks to its cause.
    if (method !== "GET") expect(await snapshot(), `rows changed by ${detail}`).toBe(before);
    return { status: res.status, text };
  };

  /** Like Next: params come percent-decoded, and a segment that is not UTF-8 makes decoding throw. */
  const nextParams = (segment: string, keys: readonly string[] = ["id"]) => {
    const p = (async () => Object.fromEntries(keys.map((k) => [k, decodeURIComponent(segment)])))();
    p.catch(() => {}); // a handler that answers 401 first never awaits it
    return p;
  };
  /** A path id that does not resolve to a real row after decoding. */
  const segment = urlPiece.map((s) => {
    try {
      return taken.has(decodeURIComponent(s).trim().toLowerCase()) ? `${s}-absent` : s;
    } catch {
      return s;
    }
  });

  beforeAll(async () => {
    t = await createTestDb("default", ["admin", "username", "twoFactor", "organization"]);
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    await insertFixtures(t.d);
    for (const role of ["support", "moderator", "admin", "user"]) await createPasswordUser(t.d, { id: `fz_${role}`, email: `${role}@fuzz.test`, role });
    Object.assign(process.env, {
      DATABASE_URL: t.url, AUTH_DB_SCHEMA: t.schema, AUTH_DB_CASING: "camel", AUTH_DB_PLURAL: "false", AUTH_DB_MAPPING: "",
      BETTER_AUTH_SECRET: "fuzz-secret-0123456789abcdefghijklmnop", BETTER_AUTH_URL: BASE,
      // nothing listens there: the recovery routes get past "not configured" to their validation and
      // target checks; generated ids never match a user, so nothing is ever sent (a send would be a 503)
      APP_AUTH_URL: "http://127.0.0.1:9/api/auth",
    });
    // Every handler under app/api/v1, found on disk: the generated properties below must cover each (checked).
    for (const dir of v1RouteDirs()) {
      const file = `../app/api/v1/${dir}/route`; // a plain variable: Vite leaves the import to run time
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of HTTP_METHODS) {
        if (typeof mod[method] !== "function") continue;
        routes[`${method} ${dir}`] = mod[method] as Handler;
        v1Handlers.push(`${method} ${dir}`);
      }
    }
    const load = async (name: string, path: string, method: string) => {
      routes[name] = (await import(path))[method] as Handler;
    };
    await load("GET auth", "../app/api/auth/[...all]/route", "GET");
    await load("POST auth", "../app/api/auth/[...all]/route", "POST");

    const { getAuth } = await import("../lib/auth");
    const auth = await getAuth();
    for (const role of ["support", "moderator", "admin"] as const) {
      const res = await auth.api.signInEmail({ body: { email: `${role}@fuzz.test`, password: PASSWORD }, returnHeaders: true });
      cookies[role] = cookieFrom(res.headers);
    }
    // A non-staff user gets no dashboard session; give them one as the app would, correctly signed.
    const { makeSignature } = await import("better-auth/crypto");
    const token = "fuzzusertoken".padEnd(32, "x");
    const now = new Date();
    // Expiring in 12 h, as the dashboard's own sessions do: an older-looking one would be refreshed (a row change).
    await t.d.db.insertInto("session").values({
      id: "s_fz_user", userId: "fz_user", token, createdAt: now, updatedAt: now, expiresAt: new Date(now.getTime() + 12 * 3_600_000), ipAddress: null, userAgent: null,
    }).execute();
    cookies.user = `ba-admin.session_token=${encodeURIComponent(`${token}.${await makeSignature(token, process.env.BETTER_AUTH_SECRET ?? "")}`)}`;
    cookies.junk = "ba-admin.session_token=%00%ED%A0%80.junk; other=\u00ff";

    for (const table of ["user", "session", "account"]) {
      const rows = await t.raw.selectFrom(`${t.schema}.${table}`).select("id").execute();
      for (const r of rows) taken.add(String(r.id).toLowerCase());
    }
    for (const r of await t.raw.selectFrom(`${t.schema}.user`).select("email").execute()) taken.add(String(r.email).toLowerCase());
    // What must never leave: gathered after the sign-ins above, so the staff's own session tokens count too.
    await t.raw.insertInto(`${t.schema}.twoFactor`).values({ id: "tf_bob", userId: "u_bob", secret: "totp-secret-that-must-never-leave", backupCodes: "backup-codes-that-must-never-leave" }).execute();
    const column = async (table: string, col: string) =>
      (await sql<{ v: string }>`select ${sql.ref(col)}::text as v from ${sql.table(`${t.schema}.${table}`)} where ${sql.ref(col)} is not null`.execute(t.raw)).rows.map((r) => r.v);
    for (const [table, col] of [["session", "token"], ["account", "password"], ["account", "accessToken"], ["account", "refreshToken"], ["account", "idToken"], ["twoFactor", "secret"], ["twoFactor", "backupCodes"]] as const) {
      secrets.push(...(await column(table, col)));
    }
    secrets.push(process.env.BETTER_AUTH_SECRET ?? "");
    expect(secrets.filter((x) => x.length < 8), "secrets short enough to turn up by chance").toEqual([]);
    taken.add("revoke all");
    taken.add(PASSWORD);
    before = await snapshot();
    console.log(`[fuzz] seed ${SEED} (replay: FUZZ_SEED=${SEED}), ${TOTAL} generated inputs, ${embedded ? "embedded PGlite" : "PostgreSQL"}`);
  });

  afterAll(async () => {
    const lines = [...histogram.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([route, h]) => {
        const n = [...h.values()].reduce((a, b) => a + b, 0);
        const statuses = [...h.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([s, c]) => `${s}×${c}`).join(" ");
        return `  ${route.padEnd(52)} ${String(n).padStart(5)}  ${statuses}`;
      });
    const total = [...histogram.values()].reduce((a, h) => a + [...h.values()].reduce((x, y) => x + y, 0), 0);
    console.log(`[fuzz] seed ${SEED}: ${total} inputs (${requests} HTTP requests)\n${lines.join("\n")}`);
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase()).close();
    await t?.cleanup();
  });

  describe("known cases", () => {
    const cursorOf = (c: unknown[]) => Buffer.from(JSON.stringify(c)).toString("base64url");
    it.each([
      ["GET users", "/api/v1/users?q=%00", /q: must not contain NUL/],
      ["GET users", "/api/v1/users?role=admin%00", /role: must not contain NUL/],
      ["GET users", "/api/v1/users?provider=%00", /provider: must not contain NUL/],
      ["GET sessions", "/api/v1/sessions?user=a%00b", /user: must not contain NUL/],
      ["GET sessions", "/api/v1/sessions?userAgent=%00", /userAgent: must not contain NUL/],
      ["GET audit", "/api/v1/audit?actor=%00", /actor: must not contain NUL/],
      ["GET audit", "/api/v1/audit?target=%00", /target: must not contain NUL/],
      ["GET users", "/api/v1/users?unknown%00=1", /query: a parameter name must not contain NUL/],
      ["GET users", `/api/v1/users?cursor=${cursorOf(["-createdAt", "2026-13-45 00:00:00+00", "x"])}`, /cursor/],
      ["GET users", `/api/v1/users?cursor=${cursorOf(["-createdAt", "0000-01-01 00:00:00+00", "x"])}`, /cursor/],
      ["GET users", `/api/v1/users?sort=email&cursor=${cursorOf(["email", "a\u0000", "x"])}`, /cursor/],
      ["GET users", `/api/v1/users?sort=email&cursor=${cursorOf(["email", "a", "\u0000"])}`, /cursor/],
      ["GET sessions", `/api/v1/sessions?cursor=${cursorOf(["-createdAt", "2026-02-30 00:00:00", "x"])}`, /cursor/],
      ["GET audit", `/api/v1/audit?cursor=${cursorOf(["-at", "2026-01-01 00:00:00+16", "x"])}`, /cursor/],
    ])("%s %s is a 400", async (route, path, message) => {
      const res = await routes[route]!(new Request(`${BASE}${path}`, { headers: { cookie: cookies.admin ?? "" } }), { params: Promise.resolve({}) });
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect([res.status, json.error.code]).toEqual([400, "invalid_request"]);
      expect(json.error.message).toMatch(message);
    });

    it.each([
      ["GET users/[id]", "GET", "%ED%A0%80"],
      ["GET users/[id]", "GET", "u_bob%00"],
      ["POST users/[id]/ban", "POST", "%ED%A0%80"],
      ["POST users/[id]/verify-email", "POST", "u_bob%00"],
      ["DELETE sessions/[id]", "DELETE", "s1%00"],
    ])("%s %s with the path segment %s is a 400", async (route, method, seg) => {
      const res = await routes[route]!(
        new Request(`${BASE}/api/v1/x/${seg}`, { method, headers: { cookie: cookies.admin ?? "", "content-type": "application/json" }, body: method === "GET" ? undefined : "{\"reason\":\"x\"}" }),
        { params: nextParams(seg) },
      );
      const json = (await res.json()) as { error: { code: string; message: string } };
      expect([res.status, json.error.code]).toEqual([400, "invalid_request"]);
      expect(json.error.message).toMatch(/^(path|id):/);
    });

    it.each([
      ["POST users/[id]/ban", { reason: "a\u0000b" }, /^reason: must not contain NUL/],
      ["POST users/[id]/ban", { reason: "\ud800" }, /^reason: must be valid Unicode/],
      ["POST users/[id]/role", { role: "user\u0000" }, /^role: must not contain NUL/],
      ["DELETE users/[id]", { confirm: "\u0000" }, /^confirm: must not contain NUL/],
      ["POST users/bulk", { action: "ban", ids: ["ok", "\u0000"], reason: "x" }, /^ids\.1: must not contain NUL/],
      ["POST users/bulk", { action: "revokeSessions", filter: { q: "\u0000" }, dryRun: true }, /^filter\.q: must not contain NUL/],
      ["POST sessions/revoke", { userAgent: "\u0000", dryRun: true }, /^userAgent: must not contain NUL/],
      ["POST users/bulk", { action: "ban", ids: ["x"], reason: "x", "k\u0000": 1 }, /^body: a key must not contain NUL/],
      ["PATCH users/[id]", { name: "a\u0000" }, /^name: must not contain NUL/],
      ["PATCH users/[id]", { name: "x", emailVerified: true }, /emailVerified/],
      ["PATCH users/[id]", { email: "x@y.z", userId: "u_bob" }, /^userId: set by the URL/],
      ["POST users/[id]/password-reset", { email: "someone@else.test" }, /email/],
      ["POST users/[id]/two-factor/disable", { backupCodes: [] }, /backupCodes/],
    ])("%s with the body %j is a 400 naming the field", async (route, json, message) => {
      const method = route.split(" ")[0]!;
      const res = await routes[route]!(
        new Request(`${BASE}/api/v1/x`, { method, headers: { cookie: cookies.admin ?? "", "content-type": "application/json" }, body: JSON.stringify(json) }),
        { params: Promise.resolve({ id: "missing-user" }) },
      );
      const out = (await res.json()) as { error: { code: string; message: string } };
      expect([res.status, out.error.code]).toEqual([400, "invalid_request"]);
      expect(out.error.message).toMatch(message);
    });

    it("executeAction refuses NUL and lone surrogates in any field with an AppError", async () => {
      const { findAction } = await import("../lib/actions/registry");
      const { executeAction } = await import("../lib/actions/runner");
      const { deps } = depsFor(t.d, staffOf.admin);
      for (const [name, input] of [
        ["user.ban", { userId: "u\u0000", reason: "x" }],
        ["session.revoke", { sessionId: "s\ud800" }],
        ["sessions.revoke.filter", { filter: { user: "\u0000", createdBefore: NOBODY } }],
        ["spam.clear", { userIds: ["\u0000"] }],
      ] as const) {
        await expect(executeAction(findAction(name) as never, deps, input), name).rejects.toMatchObject({ code: "invalid_request", status: 400 });
      }
      expect(await snapshot()).toBe(before);
    });

    it("turns a real Postgres invalid-input error into a 400, for routes and actions alike", async () => {
      const { defineAction, executeAction } = await import("../lib/actions/runner");
      const { errorResponse } = await import("../lib/http/route");
      const { z } = await import("zod");
      const log = vi.spyOn(console, "error").mockImplementation(() => {});
      const pgError = await sql`select cast('2026-13-45' as timestamptz)`.execute(t.raw).then(() => null, (err: unknown) => err);
      const res = errorResponse(new Request(`${BASE}/api/v1/users`), pgError);
      expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([400, "invalid_request"]);
      // A validation gap inside an action: the transaction rolls back and the caller gets an AppError, not a crash.
      const gap = defineAction({
        name: "test.gap", permission: "users.read", input: z.object({}),
        async run(env) {
          await sql`select cast(${"2026-13-45"} as timestamptz)`.execute(env.q.db);
          return { result: null, audit: { targetType: "user", targetIds: [], before: null, after: null } };
        },
      });
      await expect(executeAction(gap, depsFor(t.d, staffOf.admin).deps, {})).rejects.toMatchObject({ code: "invalid_request", status: 400 });
      expect(log).toHaveBeenCalledTimes(2);
      log.mockRestore();
    });

    it("answers a staff sign-in against a password hash it cannot verify with 401, not 500", async () => {
      // u_alice (user,admin) holds a fixture hash that is not Better Auth's scrypt format, as an app with custom hashing would.
      const log = vi.spyOn(console, "warn").mockImplementation(() => {});
      const res = await routes["POST auth"]!(
        new Request(`${BASE}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: BASE }, body: JSON.stringify({ email: "alice@example.com", password: "whatever" }) }),
        { params: Promise.resolve({}) },
      );
      expect(res.status).toBe(401);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/not Better Auth's scrypt format/));
      log.mockRestore();
      expect(await snapshot()).toBe(before);
    });
  });

  describe("generated", () => {
    const listRoutes = {
      "GET users": "/api/v1/users", "GET sessions": "/api/v1/sessions", "GET audit": "/api/v1/audit", "GET spam/accounts": "/api/v1/spam/accounts", "GET spam/waves": "/api/v1/spam/waves", "GET organizations": "/api/v1/organizations",
      "GET users/export": "/api/v1/users/export", "GET sessions/export": "/api/v1/sessions/export", "GET audit/export": "/api/v1/audit/export",
    };
    const idRoutes = [
      ["GET users/[id]", "GET", (id: string) => `/api/v1/users/${id}`],
      ["DELETE users/[id]", "DELETE", (id: string) => `/api/v1/users/${id}`],
      ["POST users/[id]/ban", "POST", (id: string) => `/api/v1/users/${id}/ban`],
      ["POST users/[id]/role", "POST", (id: string) => `/api/v1/users/${id}/role`],
      ["POST users/[id]/unban", "POST", (id: string) => `/api/v1/users/${id}/unban`],
      ["POST users/[id]/verify-email", "POST", (id: string) => `/api/v1/users/${id}/verify-email`],
      ["POST users/[id]/sessions/revoke", "POST", (id: string) => `/api/v1/users/${id}/sessions/revoke`],
      ["DELETE sessions/[id]", "DELETE", (id: string) => `/api/v1/sessions/${id}`],
      ["PATCH users/[id]", "PATCH", (id: string) => `/api/v1/users/${id}`],
      ["POST users/[id]/password-reset", "POST", (id: string) => `/api/v1/users/${id}/password-reset`],
      ["POST users/[id]/verification-email", "POST", (id: string) => `/api/v1/users/${id}/verification-email`],
      ["POST users/[id]/two-factor/disable", "POST", (id: string) => `/api/v1/users/${id}/two-factor/disable`],
      ["DELETE users/[id]/accounts/[accountId]", "DELETE", (id: string) => `/api/v1/users/${id}/accounts/${id}`],
      ["DELETE users/[id]/passkeys/[passkeyId]", "DELETE", (id: string) => `/api/v1/users/${id}/passkeys/${id}`],
      ["GET spam/waves/[key]", "GET", (id: string) => `/api/v1/spam/waves/${id}`],
      ["GET organizations/[id]", "GET", (id: string) => `/api/v1/organizations/${id}`],
      ["DELETE organizations/[id]/members/[memberId]", "DELETE", (id: string) => `/api/v1/organizations/${id}/members/${id}`],
      ["PATCH organizations/[id]/members/[memberId]", "PATCH", (id: string) => `/api/v1/organizations/${id}/members/${id}`],
      ["DELETE organizations/[id]/invitations/[invitationId]", "DELETE", (id: string) => `/api/v1/organizations/${id}/invitations/${id}`],
    ] as const;
    /** Routes with a second path parameter get the same generated segment for it. */
    // every dynamic segment of the route ("[id]", "[memberId]" …) gets the same generated value
    const paramKeys = (route: string) => [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1] as string);
    const bodyRoutes = [...idRoutes.filter(([, m]) => m !== "GET"), ["POST users/bulk", "POST", () => "/api/v1/users/bulk"], ["POST sessions/revoke", "POST", () => "/api/v1/sessions/revoke"], ["POST spam/clear", "POST", () => "/api/v1/spam/clear"], ["POST spam/unclear", "POST", () => "/api/v1/spam/unclear"]] as const;
    const origin = fc.oneof({ weight: 8, arbitrary: fc.constant<string | undefined>(undefined) }, { weight: 2, arbitrary: fc.constant(BASE) }, { weight: 1, arbitrary: fc.constant("https://evil.example") });
    const run = (n: number, i: number) => ({ seed: SEED + i, numRuns: share(n) });

    it("sends generated input to every handler under app/api/v1", () => {
      const covered: string[] = [...Object.keys(listRoutes), ...idRoutes.map(([r]) => r), ...bodyRoutes.map(([r]) => r)];
      expect(v1Handlers.length, "no handler found on disk").toBeGreaterThan(20);
      expect(v1Handlers.filter((r) => !covered.includes(r)), "handlers no generated property reaches: add them to listRoutes, idRoutes or bodyRoutes").toEqual([]);
      expect(covered.filter((r) => !v1Handlers.includes(r)), "names in the properties that no file exports").toEqual([]);
    });

    it("GET list routes with random query strings", { timeout: 600_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...(Object.keys(listRoutes) as (keyof typeof listRoutes)[])), who, queryString, async (route, as, query) => {
          await send(route, "GET", `${listRoutes[route]}?${query}`, { as });
        }),
        run(0.3, 1),
      );
      expect(await snapshot(), "rows changed by a read").toBe(before);
    });

    it("list and export routes: an unknown key, or a NUL in any key's value, is a 400 naming the key", { timeout: 600_000 }, async () => {
      // Keys each route knows, and names no route knows; the value carries what Postgres cannot store.
      const keys = fc.oneof(fc.constantFrom("q", "role", "status", "verified", "provider", "createdAfter", "createdBefore", "since", "sort", "limit", "cursor", "user", "ip", "userAgent", "impersonated", "actor", "target", "action", "minScore", "lastActiveBefore", "activeSince", "neverActive"), fc.stringMatching(/^[a-z][a-zA-Z]{0,11}$/));
      // Only NUL: invalid UTF-8 in a query (%ED%A0%80) is decoded to U+FFFD, which is storable text.
      const bad = fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })).map(([a, b]) => `${encodeURIComponent(a)}%00${encodeURIComponent(b)}`);
      await fc.assert(
        fc.asyncProperty(keys, fc.oneof(bad, fc.constantFrom("1", "x")), async (key, value) => {
          // every route each time: a route whose schema stopped being strict fails whatever the seed
          for (const [route, path] of Object.entries(listRoutes)) {
            const url = `${path}?${key}=${value}`;
            const { status, text } = await send(route, "GET", url, { as: "admin" });
            const clean = value === "1" || value === "x";
            if (clean && status === 200) continue; // a key the route knows, with a value it takes
            expect(status, `${url} → ${text}`).toBe(400);
            expect((JSON.parse(text) as { error: { message: string } }).error.message, url).toContain(key);
          }
        }),
        run(0.02, 7),
      );
    });

    it("[id] routes with percent-encoded junk in the path", { timeout: 600_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...idRoutes), who, segment, fc.option(queryString, { nil: undefined }), origin, async ([route, method, path], as, seg, query, o) => {
          const { status } = await send(route, method, `${path(seg)}${query ? `?${query}` : ""}`, { as, params: nextParams(seg, paramKeys(route)), body: method === "GET" ? undefined : "{}", origin: o });
          // A path that names nothing is never a success: 404, or 400 for what cannot be an id (or an empty
          // body); 409 only where the app lacks the plugin's table (passkeys here). 401/403 come first.
          const expected = as === "admin" && o !== "https://evil.example" ? [400, 404, 409] : [400, 401, 403, 404, 409];
          expect(expected, `${method} ${path(seg)} as ${as} → ${status}`).toContain(status);
        }),
        run(0.2, 2),
      );
      expect(await snapshot()).toBe(before);
    });

    it("mutation routes with random JSON bodies and invalid JSON", { timeout: 600_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...bodyRoutes), who, body, fc.constantFrom("missing-user", "s-missing", "u_bob-absent"), origin, async ([route, method, path], as, b, id, o) => {
          const text = "json" in b ? JSON.stringify(safeBody(route, b.json)) : b.text;
          await send(route, method, path(id), { as, body: text, params: nextParams(id, paramKeys(route)), origin: o });
        }),
        run(0.25, 3),
      );
    });

    it("Better Auth's sign-in with random credentials and bodies", { timeout: 600_000 }, async () => {
      const credentials = fc.record(
        {
          email: fc.oneof(fc.constantFrom("admin@fuzz.test", "user@fuzz.test", "alice@example.com", "ADMIN@fuzz.test "), hostileString),
          password: hostileString.map((p) => (p === PASSWORD ? `${p}!` : p)),
          rememberMe: jsonValue,
          callbackURL: hostileString,
        },
        { requiredKeys: ["email", "password"] },
      );
      const bodies = fc.oneof(credentials.map((c) => JSON.stringify(c)), bodyObject.map((o) => JSON.stringify(o)), fc.string({ maxLength: 30 }));
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: fc.record({ method: fc.constant("POST"), path: fc.constant("/api/auth/sign-in/email"), body: bodies }) },
            { weight: 1, arbitrary: fc.record({ method: fc.constant("GET"), path: fc.oneof(fc.constant("/api/auth/get-session"), urlPiece.map((p) => `/api/auth/${p}`)), body: fc.constant(undefined) }) },
          ),
          fc.constantFrom<Who>("anonymous", "junk", "support"),
          fc.constantFrom(BASE, undefined),
          async (r, as, o) => {
            await send(r.method === "POST" ? "POST auth" : "GET auth", r.method, r.path, { as, body: r.body, origin: o });
          },
        ),
        run(0.05, 4),
      );
      expect(await snapshot()).toBe(before);
    });

    it("executeAction for every registered action, and unknown names, with raw inputs", { timeout: 600_000 }, async () => {
      const { actions, findAction } = await import("../lib/actions/registry");
      const { executeAction } = await import("../lib/actions/runner");
      const { AppError } = await import("../lib/errors");
      // Per action, an input that passes validation (ids that do not exist), to be poisoned or extended.
      const bases: Record<string, Record<string, unknown>> = {
        "user.ban": { userId: "missing-user", reason: "fuzz", duration: "1d" },
        "user.unban": { userId: "missing-user" },
        "user.verifyEmail": { userId: "missing-user" },
        "user.setRole": { userId: "missing-user", role: "user" },
        "user.delete": { userId: "missing-user", confirm: "x@y.z" },
        "user.sessions.revoke": { userId: "missing-user" },
        "session.revoke": { sessionId: "missing-session", userId: "missing-user" },
        "sessions.revoke.filter": { filter: { ip: "192.0.2.0/24", userAgent: "curl", user: "bob@gmail.com" } },
        "sessions.revoke.all": { confirm: "REVOKE ALL" },
        "users.bulk": { action: "ban", filter: { q: "fill", status: "active" }, reason: "x", expiresAt: "2999-01-01T00:00:00Z" },
        "spam.clear": { userIds: ["missing-user"], reason: "fuzz" },
        "spam.unclear": { userIds: ["missing-user"], reason: "fuzz" },
        "user.passwordReset": { userId: "missing-user" },
        "user.verificationEmail": { userId: "missing-user" },
        "user.update": { userId: "missing-user", name: "Fuzz", email: "fuzz@fuzz.example", keepEmailVerified: true },
        "user.account.unlink": { userId: "missing-user", accountId: "missing-account" },
        "user.twoFactor.disable": { userId: "missing-user" },
        "user.passkey.remove": { userId: "missing-user", passkeyId: "missing-passkey" },
      };
      const inputFor = (name: string) => {
        const base = fc.constant(bases[name] ?? {});
        return fc.oneof(
          { weight: 3, arbitrary: tainted(base) },
          { weight: 3, arbitrary: fc.tuple(base, bodyObject).map(([a, b]) => ({ ...a, ...b })) },
          { weight: 1, arbitrary: base },
          { weight: 1, arbitrary: bodyObject },
          { weight: 1, arbitrary: jsonValue },
        );
      };
      const calls = fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...Object.keys(actions)).chain((name) => fc.tuple(fc.constant(name), inputFor(name))) },
        { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...PROTO_NAMES), hostileString), bodyObject) },
      );
      const roles = fc.constantFrom<StaffRole>("admin", "admin", "moderator", "support");
      await fc.assert(
        fc.asyncProperty(calls, roles, async ([name, raw], role) => {
          const spec = findAction(name);
          const label = `action ${spec ? name : "(unknown name)"}`;
          if (!spec) return void count(label, "unknown");
          const { deps } = depsFor(t.d, staffOf[role]);
          try {
            await executeAction(spec as never, deps, safeInput(name, raw));
            count(label, "ok");
          } catch (err) {
            if (!(err instanceof AppError)) throw new Error(`${name} as ${role} with ${JSON.stringify(raw)?.slice(0, 300)} threw ${String(err)}`);
            count(label, err.code);
          }
          expect(await snapshot(), `rows changed by ${name} ${JSON.stringify(raw)?.slice(0, 300)}`).toBe(before);
        }),
        run(0.15, 5),
      );
    });

    it("the previews with raw inputs", { timeout: 600_000 }, async () => {
      const { previews } = await import("../lib/actions/previews");
      const { can } = await import("../lib/auth/permissions");
      const { AppError } = await import("../lib/errors");
      const base = fc.constantFrom<Record<string, unknown>>({ action: "ban", ids: ["u_bob"] }, { action: "unban", filter: { q: "fill" } }, { filter: { ip: "::/0", userAgent: "Chrome" } });
      const raw = fc.oneof(
        tainted(base),
        fc.tuple(fc.constantFrom<Record<string, unknown>>({ action: "ban", ids: ["u_bob"] }, { action: "unban", filter: {} }, { filter: { ip: "::/0" } }), bodyObject).map(([a, b]) => ({ ...a, ...b })),
        bodyObject,
        jsonValue,
      );
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...(Object.keys(previews) as (keyof typeof previews)[])), fc.constantFrom<StaffRole>("admin", "moderator", "support"), raw, async (kind, role, input) => {
          const label = `preview ${kind}`;
          // As safe-action.ts' guarded() does before running a preview.
          if (!can(role, previews[kind].permission)) return void count(label, "forbidden");
          try {
            await previews[kind].run(t.d, staffOf[role], input, staffRoleMap);
            count(label, "ok");
          } catch (err) {
            if (!(err instanceof AppError)) throw new Error(`preview ${kind} as ${role} with ${JSON.stringify(input)?.slice(0, 300)} threw ${String(err)}`);
            count(label, err.code);
          }
        }),
        run(0.05, 6),
      );
      expect(await snapshot()).toBe(before);
    });
  });
});
