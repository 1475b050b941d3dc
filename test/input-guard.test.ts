import { describe, expect, it, vi } from "vitest";
import { actions, findAction } from "../lib/actions/registry";
import { can, type Permission } from "../lib/auth/permissions";
import { decodeCursor, isTimestampText } from "../lib/db/cursor";
import { AppError, invalidInputError } from "../lib/errors";
import { errorResponse } from "../lib/http/route";
import { assertStorable, assertStorableQuery, textProblem } from "../lib/input-guard";
import { toRecord } from "../lib/params";
import { parseUserListParams } from "../lib/users/list-params";

const messageOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.message}` : `not an AppError: ${String(err)}`;
  }
  return "no error";
};
const cursorOf = (c: unknown[]) => Buffer.from(JSON.stringify(c)).toString("base64url");

describe("the boundary guard", () => {
  it.each([
    ["a\u0000b", "must not contain NUL characters"],
    ["\ud800", "must be valid Unicode (no lone surrogates)"],
    ["x\udfff", "must be valid Unicode (no lone surrogates)"],
    ["\udc00\ud800", "must be valid Unicode (no lone surrogates)"],
    ["😀 \udbff\udfff Zoë %_\\ '", null],
    ["", null],
  ])("textProblem(%j) is %j", (s, problem) => {
    expect(textProblem(s)).toBe(problem);
  });

  it("names the path of the first bad string anywhere in a value, keys included", () => {
    expect(messageOf(() => assertStorable({ reason: "ok", filter: { q: "a\u0000" } }, "body"))).toBe("400 filter.q: must not contain NUL characters");
    expect(messageOf(() => assertStorable({ ids: ["ok", "\ud800"] }, "body"))).toBe("400 ids.1: must be valid Unicode (no lone surrogates)");
    expect(messageOf(() => assertStorable({ a: { "k\u0000": 1 } }, "body"))).toBe("400 a: a key must not contain NUL characters");
    expect(messageOf(() => assertStorable("\u0000", "input"))).toBe("400 input: must not contain NUL characters");
    expect(messageOf(() => assertStorable({ n: 1, b: true, z: null, s: "fine", arr: [[["ok"]]] }, "body"))).toBe("no error");
  });

  it("walks hostile nesting without overflowing the stack", () => {
    let deep: unknown = "\u0000";
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(messageOf(() => assertStorable(deep, "body"))).toMatch(/^400 (0\.){100}…: must not contain NUL characters$/);
  });

  it("checks query parameter names and values", () => {
    expect(messageOf(() => assertStorableQuery(new URLSearchParams("q=%00")))).toBe("400 q: must not contain NUL characters");
    expect(messageOf(() => assertStorableQuery(new URLSearchParams("x%00=1")))).toBe("400 query: a parameter name must not contain NUL characters");
    // Invalid UTF-8 in a query string decodes to U+FFFD, which is storable.
    expect(messageOf(() => assertStorableQuery(new URLSearchParams("q=%ED%A0%80")))).toBe("no error");
  });

  it("rejects NUL in the shared zod text parameters, naming the parameter", () => {
    expect(messageOf(() => parseUserListParams(new URLSearchParams("q=%00")))).toBe("400 q: must not contain NUL characters");
    expect(messageOf(() => parseUserListParams({ role: "ad\ud800min" }))).toBe("400 role: must be valid Unicode (no lone surrogates)");
  });

  it("refuses a day the month does not have instead of rolling it over into the next month", () => {
    for (const bad of ["2026-02-29", "2026-02-30", "2026-04-31T10:00:00Z", "2026-06-31 08:00"]) {
      expect(messageOf(() => parseUserListParams({ createdAfter: bad })), bad).toBe("400 createdAfter: is not a valid date");
    }
    // a leap day, and a year below 100 whose offset carries it into the next (real) day
    expect(parseUserListParams({ createdAfter: "2028-02-29" }).createdAfter).toEqual(new Date("2028-02-29T00:00:00Z"));
    expect(parseUserListParams({ createdBefore: "0050-01-31T23:00:00-05:00" }).createdBefore).toEqual(new Date("0050-02-01T04:00:00Z"));
  });

  it("keeps constructor as a plain unknown query key and drops __proto__", () => {
    const r = toRecord(new URLSearchParams("__proto__=x&constructor=y&toString=t&q=z&q=second"));
    expect(Object.keys(r).sort()).toEqual(["constructor", "q", "toString"]);
    expect([r.q, r.constructor, Object.getPrototypeOf(r)]).toEqual(["z", "y", Object.prototype]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("time cursors", () => {
  it.each([
    ["2026-04-01 00:00:00+00", true],
    ["2026-04-02 00:00:00.123456+00", true],
    ["2024-02-29 23:59:59+05:30", true],
    ["2026-01-01T00:00:00Z", true],
    ["-infinity", true],
    ["2026-13-45 00:00:00+00", false],
    ["2026-02-29 00:00:00", false],
    ["2026-04-31 00:00:00", false],
    ["0000-01-01 00:00:00+00", false],
    ["2026-01-01 24:00:00", false],
    ["2026-01-01 23:60:00", false],
    ["2026-01-01 00:00:00+16", false],
    ["999999-01-01 00:00:00", false],
    [null, false],
  ])("isTimestampText(%j) is %s", (v, ok) => {
    expect(isTimestampText(v)).toBe(ok);
  });

  it("refuses a cursor carrying NUL or a lone surrogate", () => {
    expect(messageOf(() => decodeCursor(cursorOf(["email", "a\u0000", "x"]), "email"))).toBe("400 cursor: malformed");
    expect(messageOf(() => decodeCursor(cursorOf(["email", "a", "\ud800"]), "email"))).toBe("400 cursor: malformed");
    expect(decodeCursor(cursorOf(["email", "a", "b"]), "email")).toEqual({ sort: "email", value: "a", id: "b" });
  });
});

describe("names from clients", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "nope", ""])("can() denies the unknown permission %j to every role", (p) => {
    for (const role of ["support", "moderator", "admin"] as const) expect(can(role, p as Permission)).toBe(false);
  });

  it("can() still grants by rank", () => {
    expect([can("support", "users.read"), can("support", "users.ban"), can("moderator", "users.ban"), can("admin", "audit.read")]).toEqual([true, false, true, true]);
  });

  it("finds actions by their own names only", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", 42, null]) expect(findAction(name)).toBeNull();
    expect(findAction("user.ban")).toBe(actions["user.ban"]);
  });
});

describe("Postgres invalid-input errors", () => {
  const pgError = (code: string) => Object.assign(new Error(`pg says ${code}`), { code });

  it.each(["22021", "22P02", "22007", "22008", "22003"])("SQLSTATE %s is a 400 and logged", (code) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const err = invalidInputError(pgError(code));
    expect([err?.status, err?.code, err?.message]).toEqual([400, "invalid_request", `invalid input: pg says ${code}`]);
    // Not masked: a validation gap shows in the server log.
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it.each(["23505", "42P01", "57014", undefined])("SQLSTATE %s is not input", (code) => {
    expect(invalidInputError(pgError(code as string))).toBeNull();
  });

  it("errorResponse answers 400 for invalid input and still 500 for a bug", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const req = new Request("http://localhost/api/v1/users");
    const bad = errorResponse(req, pgError("22008"));
    expect([bad.status, await bad.json()]).toEqual([400, { error: { code: "invalid_request", message: "invalid input: pg says 22008" } }]);
    expect(errorResponse(req, new TypeError("boom")).status).toBe(500);
    expect(log).toHaveBeenCalledTimes(2);
    log.mockRestore();
  });
});
