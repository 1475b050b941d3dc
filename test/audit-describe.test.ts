import { describe, expect, it } from "vitest";
import { describeAction, fieldChanges } from "../lib/audit/describe";

describe("audit records in plain words", () => {
  it("names the action and its count", () => {
    expect(describeAction("users.bulk.ban", 3, "user")).toBe("banned 3 users");
    expect(describeAction("user.ban", 1, "user")).toBe("banned 1 user");
    expect(describeAction("session.revoke", 1, "session")).toBe("revoked 1 session");
    expect(describeAction("sessions.revoke.all", 12_000, "session")).toBe("revoked every session: 12,000 sessions");
    expect(describeAction("org.member.remove", 2, "member")).toBe("org.member.remove (2 members)");
  });

  it("shows only the fields that changed, as compact JSON", () => {
    expect(fieldChanges({ banned: false, banReason: null, lastActive: { u: "x" } }, { banned: true, banReason: "spam", sessionsRevoked: 2 })).toEqual([
      { field: "banned", before: "false", after: "true" },
      { field: "banReason", before: "null", after: '"spam"' },
      { field: "lastActive", before: '{"u":"x"}', after: "—" },
      { field: "sessionsRevoked", before: "—", after: "2" },
    ]);
    expect(fieldChanges({ role: "user" }, { role: "user" })).toEqual([]);
    expect(fieldChanges(null, { role: "admin" })).toEqual([]);
    expect(fieldChanges([1], [2])).toEqual([]);
  });
});
