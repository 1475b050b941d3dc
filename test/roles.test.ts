import { describe, expect, it } from "vitest";
import { normalizeRoles, staffRoleOf } from "../lib/auth/roles";

describe("normalizeRoles", () => {
  it.each([
    ["user", "user"],
    [" user , moderator ", "user,moderator"],
    ["user,,admin,", "user,admin"],
    [",", ""],
    ["   ", ""],
    ["", ""],
    ["\towner\n,member", "owner,member"],
    ["a b,c", "a b,c"], // a space inside a name is the server's to refuse (setRoleInput), not silently joined
  ])("%j → %j", (typed, stored) => {
    expect(normalizeRoles(typed)).toBe(stored);
  });

  it("is stable: a stored role string comes back unchanged, so the dialogs see no change to save", () => {
    for (const stored of ["user", "user,admin", "owner,member"]) expect(normalizeRoles(stored)).toBe(stored);
  });

  it("keeps every name staffRoleOf reads", () => {
    expect(staffRoleOf(normalizeRoles(" user , admin "), { admin: "admin" })).toBe("admin");
  });
});
