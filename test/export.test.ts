import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installAuditTable } from "../lib/audit/table";
import { AUDIT_EXPORT_HEADER } from "../lib/audit/export";
import { recordCounter } from "../lib/export/csv";
import { SESSION_EXPORT_HEADER } from "../lib/sessions/export";
import { USER_EXPORT_HEADER } from "../lib/users/export";
import { createTestDb, type TestDb } from "./helpers/db";
import { fixtureUserCount, insertFixtures } from "./helpers/fixtures";
import { cookieFrom, createPasswordUser, PASSWORD } from "./helpers/staff";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const BASE = "http://localhost:3000";
const HOUR = 3_600_000;
/** More than two export pages (EXPORT_PAGE = 1,000), so the keyset walk is exercised. */
const BULK = 2_345;
/** Names a spreadsheet would evaluate: each must come out with a leading '. */
const FORMULAS = ["=1+2", "+SUM(A1:A9)", "-2+3", "@cmd", "\tTabbed", "\rReturned", '=HYPERLINK("http://evil.test","x")'];

/** RFC 4180 parser for the assertions (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

/** CSV exports through the real route handlers, real Better Auth sessions and a real database (snake/plural naming). */
describe("CSV export /api/v1/{users,sessions,audit}/export", () => {
  let t: TestDb;
  const routes: Record<string, Handler> = {};
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestDb("snake-plural-renamed");
    await installAuditTable(t.raw, t.schema);
    await t.reopen();
    await insertFixtures(t.d);
    for (const role of ["support", "moderator", "admin"]) await createPasswordUser(t.d, { id: `x_${role}`, email: `${role}@corp.test`, role });
    const created = new Date("2025-01-01T00:00:00Z");
    await t.d.db
      .insertInto("user")
      .values(FORMULAS.map((name, i) => ({ id: `u_formula${i}`, name, email: `formula${i}@inject.test`, emailVerified: false, image: null, createdAt: created, updatedAt: created, role: "user" })))
      .execute();
    await t.d.db
      .insertInto("user")
      .values(Array.from({ length: BULK }, (_, i) => ({ id: `u_bulk${String(i).padStart(5, "0")}`, name: `Bulk ${i}`, email: `bulk${i}@bulk.test`, emailVerified: i % 2 === 0, image: null, createdAt: new Date(created.getTime() - i * 1000), updatedAt: created, role: null })))
      .execute();
    const now = Date.now();
    await t.d.db
      .insertInto("session")
      .values(["1", "2", "3"].map((n) => ({
        id: `live${n}`, userId: n === "3" ? "u_zoe" : "u_bob", token: `tok_live${n}_secret`, ipAddress: `192.0.2.${n}`, userAgent: n === "3" ? "=cmd|' /C calc'!A0" : "curl/8.4",
        createdAt: new Date(now - n.length * HOUR - Number(n) * 1000), updatedAt: new Date(now), expiresAt: new Date(now + 24 * HOUR),
      })))
      .execute();
    Object.assign(process.env, {
      DATABASE_URL: t.url, AUTH_DB_SCHEMA: t.schema, AUTH_DB_CASING: "snake", AUTH_DB_PLURAL: "true",
      AUTH_DB_MAPPING: JSON.stringify({ user: { modelName: "app_users", fields: { email: "email_address" } } }),
      BETTER_AUTH_SECRET: "export-test-secret-export-test-secret-0123", BETTER_AUTH_URL: BASE,
    });
    const load = async (path: string, method = "GET") => (await import(path))[method] as Handler;
    routes.users = await load("../app/api/v1/users/export/route");
    routes.sessions = await load("../app/api/v1/sessions/export/route");
    routes.audit = await load("../app/api/v1/audit/export/route");
    routes.list = await load("../app/api/v1/users/route");
    routes.ban = await load("../app/api/v1/users/[id]/ban/route", "POST");
    const { getAuth } = await import("../lib/auth");
    const auth = await getAuth();
    for (const role of ["support", "moderator", "admin"]) {
      const res = await auth.api.signInEmail({ body: { email: `${role}@corp.test`, password: PASSWORD }, returnHeaders: true });
      cookies[role] = cookieFrom(res.headers);
    }
    // An audit record whose reason is a formula.
    const ban = await routes.ban!(
      new Request(`${BASE}/api/v1/users/u_bob/ban`, {
        method: "POST", headers: { "content-type": "application/json", cookie: cookies.moderator ?? "", origin: BASE },
        body: JSON.stringify({ reason: "=HYPERLINK(\"http://evil.test\")", duration: "1d" }),
      }),
      { params: Promise.resolve({ id: "u_bob" }) },
    );
    expect(ban.status).toBe(200);
  });
  afterAll(async () => {
    const { getDatabase } = await import("../lib/db");
    await (await getDatabase()).close();
    await t?.cleanup();
  });

  const get = async (route: string, query = "", who: string | null = "admin") => {
    const headers: Record<string, string> = who === null ? {} : { cookie: cookies[who] ?? "" };
    const res = await routes[route]!(new Request(`${BASE}/api/v1/${route}/export${query}`, { headers }), { params: Promise.resolve({}) });
    return res;
  };
  const csv = async (route: string, query = "", who = "admin") => {
    const res = await get(route, query, who);
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="${route}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    const [header, ...rows] = parseCsv(text);
    return { text, header, rows, col: (name: string) => header!.indexOf(name) };
  };

  it("exports every user across keyset pages, once each, in the list's order", async () => {
    const { header, rows, col } = await csv("users", "", "support");
    expect(header).toEqual([...USER_EXPORT_HEADER]);
    const ids = rows.map((r) => r[col("id")]);
    expect(ids).toHaveLength(fixtureUserCount + 3 + FORMULAS.length + BULK);
    expect(new Set(ids).size).toBe(ids.length);
    const created = rows.map((r) => r[col("createdAt")] ?? "");
    expect([...created].sort().reverse()).toEqual(created); // -createdAt, the list's default
    expect(rows.every((r) => r.length === header!.length)).toBe(true);
  });

  it("honours the filters and sort exactly as the list does", async () => {
    const listIds = async (query: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await routes.list!(new Request(`${BASE}/api/v1/users?${query}&limit=100${cursor ? `&cursor=${cursor}` : ""}`, { headers: { cookie: cookies.admin ?? "" } }), { params: Promise.resolve({}) });
        const body = (await res.json()) as { data: { id: string }[]; nextCursor: string | null };
        ids.push(...body.data.map((u) => u.id));
        cursor = body.nextCursor;
      } while (cursor);
      return ids;
    };
    for (const query of ["q=bulk1&sort=email", "verified=false&sort=-name", "role=moderator", "provider=github", "status=banned", "createdAfter=2026-03-01&createdBefore=2026-03-06", "q=filler&sort=-lastActiveAt"]) {
      const { rows, col } = await csv("users", `?${query}`);
      const exported = rows.map((r) => r[col("id")]);
      expect(exported.length, query).toBeGreaterThan(0);
      expect(exported, query).toEqual(await listIds(query));
    }
    const github = await csv("users", "?provider=github");
    expect(github.rows.map((r) => [r[github.col("id")], r[github.col("signInMethods")]])).toEqual([["u_zoe", "credential github"]]);
  });

  it("neutralises cells a spreadsheet would run as a formula", async () => {
    const { rows, col } = await csv("users", "?q=inject.test");
    const names = new Map(rows.map((r) => [r[col("id")], r[col("name")]]));
    for (const [i, name] of FORMULAS.entries()) expect(names.get(`u_formula${i}`)).toBe(`'${name}`);
    const sessions = await csv("sessions", "?user=u_zoe");
    expect(sessions.rows.map((r) => r[sessions.col("userAgent")])).toContain("'=cmd|' /C calc'!A0");
    const audit = await csv("audit", "?action=user.ban");
    expect(audit.rows.map((r) => r[audit.col("reason")])).toEqual(['\'=HYPERLINK("http://evil.test")']);
  });

  it("never exports a secret: no such column, no token or hash in the body", async () => {
    for (const route of ["users", "sessions", "audit"]) {
      const { text, header } = await csv(route);
      expect(header!.filter((h) => /password|token|secret|hash/i.test(h)), route).toEqual([]);
      for (const secret of ["scrypt$hash-that-must-never-leave", "oauth-access-token-secret", "tok_live1_secret", "tok_s1_secret", "$2", "scrypt"]) {
        expect(text.includes(secret), `${route} contains ${secret}`).toBe(false);
      }
    }
    const passwordHash = await t.d.db.selectFrom("account").select("password").where("userId", "=", "x_admin").executeTakeFirstOrThrow();
    expect((await (await get("users")).text()).includes(passwordHash.password ?? "-")).toBe(false);
  });

  it("exports live sessions and audit records with their filters", async () => {
    const s = await csv("sessions", "?user=u_bob", "support");
    expect(s.header).toEqual([...SESSION_EXPORT_HEADER]);
    // u_bob's sessions were ended by the ban in beforeAll: only u_zoe's live session remains of the three.
    expect(s.rows).toEqual([]);
    const zoe = await csv("sessions", "?user=zoe@example.com", "support");
    expect(zoe.rows.map((r) => r[zoe.col("id")])).toEqual(["live3"]);
    const a = await csv("audit", "?actor=moderator@corp.test");
    expect(a.header).toEqual([...AUDIT_EXPORT_HEADER]);
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0]?.[a.col("targetIds")]).toBe("u_bob");
    expect(JSON.parse(a.rows[0]?.[a.col("after")] ?? "null")).toMatchObject({});
    expect((await csv("audit", "?actor=nobody@corp.test")).rows).toEqual([]);
  });

  it("filters the audit log by date (after inclusive, before exclusive)", async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    expect((await csv("audit", `?after=${yesterday}&before=${tomorrow}`)).rows).toHaveLength(1);
    expect((await csv("audit", `?after=${tomorrow}`)).rows).toHaveLength(0);
    expect((await csv("audit", `?before=${yesterday}`)).rows).toHaveLength(0);
    expect((await get("audit", `?after=${tomorrow}&before=${yesterday}`)).status).toBe(400);
    const { listAudit, parseAuditParams, userEmails } = await import("../lib/audit/queries");
    const { getDatabase } = await import("../lib/db");
    const q = await getDatabase();
    const page = await listAudit(q, parseAuditParams({ after: yesterday }));
    expect(page.rows.map((r) => r.action)).toEqual(["user.ban"]);
    expect(await userEmails(q, ["u_bob", "u_nobody"])).toEqual(new Map([["u_bob", "bob@gmail.com"]]));
  });

  it.each([
    ["users", "?limit=10", 400],
    ["users", "?cursor=abc", 400],
    ["users", "?emial=x", 400],
    ["users", "?status=nope", 400],
    ["users", "?sort=password", 400],
    ["users", "?createdAfter=2026-03-06&createdBefore=2026-03-01", 400],
    ["sessions", "?limit=5", 400],
    ["sessions", "?ip=not-an-ip", 400],
    ["audit", "?action=drop%20table", 400],
    ["audit", "?foo=1", 400],
  ])("strict parameters: %s%s → %i (JSON, before any CSV)", async (route, query, status) => {
    const res = await get(route, query);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("invalid_request");
  });

  it("has the permission of the list it exports", async () => {
    expect((await get("users", "", null)).status).toBe(401);
    expect((await get("audit", "", "support")).status).toBe(403);
    expect((await get("audit", "", "moderator")).status).toBe(403);
  });

  it("counts records across chunk boundaries, quoted line breaks included (the button's progress)", () => {
    const counter = recordCounter();
    counter.feed('a,b\r\n"x\r\ny",');
    counter.feed('"q""\n"\r\n1,2\r');
    expect(counter.feed("\n")).toBe(3);
  });
});
