import { describe, expect, it } from "vitest";
import type { AccountRow } from "../lib/accounts/queries";
import { diagnoseSignIn } from "../lib/users/diagnose";
import type { UserRow } from "../lib/users/queries";

const now = new Date("2026-06-01T00:00:00Z");
/** the modules whose findings the diagnosis includes (caps.modules): the ban's and the second factor's */
const ON = new Set(["admin", "twoFactor"]);
const user = (over: Partial<UserRow> = {}): UserRow => ({
  id: "u1", name: "U", email: "u@x.test", emailVerified: true, image: null, role: null, banned: false, banReason: null, banExpires: null,
  createdAt: new Date("2026-01-01"), updatedAt: new Date("2026-01-01"), lastActiveAt: new Date("2026-05-31T12:00:00Z"), providers: [], extra: {},
  ...over,
});
const acc = (providerId: string): AccountRow => ({ id: providerId, providerId, accountId: "1", createdAt: new Date("2026-01-01") });
const codes = (...args: Parameters<typeof diagnoseSignIn>) => diagnoseSignIn(...args).map((f) => f.code);

describe("why can't this user sign in?", () => {
  it("says nothing blocks a verified password user with a live session", () => {
    expect(codes({ user: user(), accounts: [acc("credential")], activeSessions: 1, on: ON, now })).toEqual(["nothing_blocking", "active_session"]);
  });

  it("puts an active ban first, with reason and end", () => {
    const f = diagnoseSignIn({ user: user({ banned: true, banReason: "spam", banExpires: new Date("2026-07-01") }), accounts: [acc("credential")], activeSessions: 0, on: ON, now });
    expect(f[0]?.code).toBe("banned");
    expect(f[0]?.detail).toContain("spam");
    expect(f[0]?.detail).toContain("2026-07-01");
  });

  it("reports an expired ban as no obstacle", () => {
    const f = codes({ user: user({ banned: true, banExpires: new Date("2026-05-01") }), accounts: [acc("credential")], activeSessions: 0, on: ON, now });
    expect(f).toContain("ban_expired");
    expect(f).not.toContain("banned");
  });

  it("ignores ban columns when the admin plugin is absent", () => {
    expect(codes({ user: user({ banned: true }), accounts: [acc("credential")], activeSessions: 1, on: new Set(), now })).not.toContain("banned");
  });

  it("explains social-only accounts and accounts with no method at all", () => {
    const social = diagnoseSignIn({ user: user(), accounts: [acc("google"), acc("github")], activeSessions: 0, on: ON, now });
    expect(social.find((f) => f.code === "social_only")?.title).toBe("Only google, github sign-in");
    expect(codes({ user: user(), accounts: [], activeSessions: 0, on: ON, now })[0]).toBe("no_sign_in_method");
  });

  it("flags an unverified email and two-factor", () => {
    const f = codes({ user: user({ emailVerified: false, extra: { twoFactorEnabled: true } }), accounts: [acc("credential")], activeSessions: 0, on: ON, now });
    expect(f).toContain("email_unverified");
    expect(f).toContain("two_factor");
    // a module that is off adds nothing, whatever the row holds
    expect(codes({ user: user({ extra: { twoFactorEnabled: true } }), accounts: [acc("credential")], activeSessions: 0, on: new Set(["admin"]), now })).not.toContain("two_factor");
  });

  it("counts the days without a session, or says what is known: no session recorded, never 'never signed in'", () => {
    const inactive = diagnoseSignIn({ user: user({ lastActiveAt: new Date("2026-04-01T00:00:00Z") }), accounts: [acc("credential")], activeSessions: 0, on: ON, now });
    expect(inactive.find((f) => f.code === "inactive")?.title).toBe("No session for 61 days");
    const none = diagnoseSignIn({ user: user({ lastActiveAt: null }), accounts: [acc("credential")], activeSessions: 0, on: ON, now });
    expect(none.find((f) => f.code === "no_session_recorded")?.title).toBe("No session recorded");
    expect(none.map((f) => f.title).join(" ")).not.toMatch(/never/i);
    // Sessions ended by a ban: the activity the audit record kept, and by what.
    const kept = { lastActive: new Date("2026-05-28T09:30:00Z"), endedAt: new Date("2026-05-30T12:00:00Z"), action: "users.bulk.ban" };
    const banned = diagnoseSignIn({ user: user({ lastActiveAt: null, keptActivity: kept }), accounts: [acc("credential")], activeSessions: 0, on: ON, now });
    expect(banned.find((f) => f.code === "no_session_now")?.detail).toContain("kept when sessions were ended by users.bulk.ban on 2026-05-30 12:00 UTC");
  });
});
