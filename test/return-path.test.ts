import { describe, expect, it } from "vitest";
import { safeReturnPath, signInUrl } from "../lib/auth/return-path";

describe("the sign-in return path (no open redirect)", () => {
  it.each([
    ["/users/u_1", "/users/u_1"],
    ["/users?role=admin&sort=email", "/users?role=admin&sort=email"],
    ["/audit?actor=a%40b.c#top", "/audit?actor=a%40b.c#top"],
    ["/sessions/../users", "/users"],
    ["/", "/"],
  ])("keeps a path on this dashboard: %s → %s", (raw, expected) => {
    expect(safeReturnPath(raw)).toBe(expected);
  });

  it.each([
    "//evil.com",
    "//evil.com/users",
    "https://evil",
    "https://evil.com/users",
    "http:evil.com",
    "javascript:alert(1)",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "/.//evil.com",
    "/%0a/evil.com\r",
    " /users",
    "users",
    "",
    "/sign-in",
    "/sign-in?next=/users",
    "/api/v1/users",
    `/${"a".repeat(2001)}`,
  ])("refuses %j", (raw) => {
    expect(safeReturnPath(raw)).toBeNull();
  });

  it("refuses what is not a string", () => {
    for (const v of [null, undefined, 1, ["/users"], { toString: () => "/users" }]) expect(safeReturnPath(v)).toBeNull();
  });

  it("builds the sign-in URL, dropping what it refuses", () => {
    expect(signInUrl("/users/u_1?tab=sessions")).toBe(`/sign-in?next=${encodeURIComponent("/users/u_1?tab=sessions")}`);
    expect(signInUrl("//evil.com")).toBe("/sign-in");
    expect(signInUrl(null)).toBe("/sign-in");
    expect(signInUrl("/users")).toBe(`/sign-in?next=${encodeURIComponent("/users")}`);
    expect(signInUrl("/")).toBe("/sign-in");
  });
});
