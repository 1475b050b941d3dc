import { describe, expect, it } from "vitest";
import { describeAction } from "../lib/audit/describe";
import { userFacets } from "../components/users/user-facets";
import { auditTargetHref, moduleSignInOptions, rowBadges, rowFields, rowMenu, sessionFieldsOf, signInMethodSources } from "../lib/modules";
import { providerIdOf, SIGN_IN_METHODS } from "../lib/users/sign-in-methods";
import { SESSION_EXPORT_HEADER } from "../lib/sessions/export";
import { USER_EXPORT_HEADER } from "../lib/users/export";
import type { UserRow } from "../lib/users/queries";
import { toApiUser } from "../lib/users/serialize";

/**
 * The module contract's row extension points (lib/modules types.ts: userRow, sessionRow, audit,
 * signInMethods), read through the registry as the core reads them: what is fixed whatever the
 * database (API keys, export columns), and what only a module that is on contributes.
 */
const now = new Date("2026-06-01T00:00:00Z");
const ADMIN = new Set(["admin"]);
const row = (over: Partial<UserRow> = {}): UserRow => ({
  id: "u1", name: "U", email: "u@x.test", emailVerified: true, image: null, role: null, banned: null, banReason: null, banExpires: null,
  createdAt: now, updatedAt: now, lastActiveAt: null, providers: [], extra: {},
  ...over,
});

describe("what modules add to every row", () => {
  it("keeps the API's keys and the export's columns whether the module is on or off", () => {
    expect(rowFields.map((f) => f.field)).toEqual(["banned", "banReason", "banExpires"]);
    expect([...USER_EXPORT_HEADER]).toEqual(["id", "email", "name", "emailVerified", "role", "status", "banReason", "banExpires", "createdAt", "updatedAt", "lastActiveAt", "signInMethods"]);
    // a row read while the module is off carries nulls: not banned
    expect(toApiUser(row(), now)).toMatchObject({ role: null, banned: false, banReason: null, banExpires: null, createdAt: now.toISOString() });
    // an expired ban is no ban for the API
    expect(toApiUser(row({ banned: true, banExpires: new Date("2026-05-01") }), now)).toMatchObject({ banned: false });
    expect(toApiUser(row({ banned: true, banReason: "spam" }), now)).toMatchObject({ banned: true, banReason: "spam", banExpires: null });
    expect(SESSION_EXPORT_HEADER.at(-1)).toBe("impersonatedBy");
    expect(sessionFieldsOf({ id: "s1" })).toEqual({ impersonatedBy: null });
  });

  it("shows badges and menu items only for modules that are on, and menu items only to roles holding their permission", () => {
    const banned = { banned: true, banReason: "spam", banExpires: null };
    expect(rowBadges(ADMIN, banned, now)).toEqual([{ label: "Banned", tone: "danger", title: "Reason: spam, permanent" }]);
    expect(rowBadges(ADMIN, { banned: true, banExpires: new Date("2026-05-01T10:00:00Z") }, now)).toEqual([{ label: "Ban expired", tone: "neutral", title: "Ban ended 2026-05-01 10:00 UTC" }]);
    expect(rowBadges(new Set(), banned, now)).toEqual([]);
    const all = () => true;
    expect(rowMenu(ADMIN, banned, now, all)).toEqual([{ module: "admin", dialog: "unban", label: "Unban…" }]);
    expect(rowMenu(ADMIN, { banned: false }, now, all)).toEqual([{ module: "admin", dialog: "ban", label: "Ban…", destructive: true }]);
    expect(rowMenu(ADMIN, { banned: false }, now, (p) => p !== "users.ban")).toEqual([]);
    expect(rowMenu(new Set(), { banned: false }, now, all)).toEqual([]);
  });

  it("words, filters and links the modules' audit records, and counts their other ways to sign in", () => {
    expect(describeAction("users.bulk.ban", 3, "user")).toBe("banned 3 users");
    expect(describeAction("organization.member.remove", 1, "organization")).toBe("removed a member from 1 organization");
    expect(describeAction("user.update", 1, "user")).toBe("edited the profile of 1 user");
    expect(auditTargetHref("organization", "o 1")).toBe("/organizations/o%201");
    expect(auditTargetHref("user", "u1")).toBeNull();
    expect(signInMethodSources.map((s) => s.kind)).toEqual(["passkey"]);
  });

  it("takes a plugin's sign-in method from its module: the filter suggests it, the server reads its label", () => {
    expect(SIGN_IN_METHODS.map((m) => m.value)).not.toContain("passkey");
    expect(moduleSignInOptions).toEqual([{ value: "passkey", label: "Passkey" }]);
    expect(providerIdOf("PassKey", moduleSignInOptions)).toBe("passkey");
    expect(providerIdOf("GitHub", moduleSignInOptions)).toBe("github");
    expect(providerIdOf("my-sso", moduleSignInOptions)).toBe("my-sso");
    const provider = userFacets(moduleSignInOptions).find((f) => f.key === "provider");
    expect(provider?.options.map((o) => o.label)).toEqual(["Email + password", "Google", "GitHub", "Apple", "Discord", "Microsoft", "Facebook", "Passkey"]);
  });
});
