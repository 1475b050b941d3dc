import { beforeEach, describe, expect, it, vi } from "vitest";

/**
 * The UI's typed server actions (one per file, `*.action.ts` beside its module) as a browser calls them: the staff
 * check and the permission come first, inside the wrapper (lib/actions/safe-action.ts), before any
 * database work. The session comes from a stubbed Better Auth, the database is a stub that fails
 * loudly when reached, so "forbidden" here can only come from the permission check, and a role that
 * may act is seen getting past it (to the database).
 */
const state = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string; role: string }, cookies: [] as string[] }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest" }),
  cookies: async () => ({ set: (name: string) => state.cookies.push(name) }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("../lib/auth/index", () => ({ getAuth: async () => ({ api: { getSession: async () => (state.user ? { user: state.user, session: {} } : null) } }) }));
vi.mock("../lib/db", () => ({
  getDatabase: async () => {
    throw new Error("reached the database");
  },
}));

const { banUserAction } = await import("../lib/modules/admin/actions/ban-user.action");
const { unbanUserAction } = await import("../lib/modules/admin/actions/unban-user.action");
const { verifyEmailAction } = await import("../lib/modules/core/actions/verify-email.action");
const { setRoleAction } = await import("../lib/modules/core/actions/set-role.action");
const { deleteUserAction } = await import("../lib/modules/core/actions/delete-user.action");
const { revokeUserSessionsAction } = await import("../lib/modules/core/actions/revoke-user-sessions.action");
const { revokeSessionAction } = await import("../lib/modules/core/actions/revoke-session.action");
const { revokeFilteredSessionsAction } = await import("../lib/modules/core/actions/revoke-filtered-sessions.action");
const { revokeAllSessionsAction } = await import("../lib/modules/core/actions/revoke-all-sessions.action");
const { bulkUsersAction } = await import("../lib/modules/core/actions/bulk-users.action");
const { previewBulkAction } = await import("../lib/modules/core/actions/preview-bulk.action");
const { previewRevokeFilterAction } = await import("../lib/modules/core/actions/preview-revoke-filter.action");
const { previewRevokeAllAction } = await import("../lib/modules/core/actions/preview-revoke-all.action");
const { clearSpamAction } = await import("../lib/spam/clear-spam.action");

type Role = "support" | "moderator" | "admin";
const S = { support: true, moderator: true, admin: true };
const M = { support: false, moderator: true, admin: true };
const A = { support: false, moderator: false, admin: true };

/** The product's promise per role (as in test/permissions.test.ts), restated here on purpose. */
const cases: [string, () => Promise<unknown>, Record<Role, boolean>][] = [
  ["banUserAction", () => banUserAction({ userId: "u_bob", reason: "spam" }), M],
  ["unbanUserAction", () => unbanUserAction({ userId: "u_bob" }), M],
  ["verifyEmailAction", () => verifyEmailAction({ userId: "u_bob" }), S],
  ["setRoleAction", () => setRoleAction({ userId: "u_bob", role: "user" }), A],
  ["deleteUserAction", () => deleteUserAction({ userId: "u_bob", confirm: "bob@example.com" }), A],
  ["revokeUserSessionsAction", () => revokeUserSessionsAction({ userId: "u_bob" }), S],
  ["revokeSessionAction", () => revokeSessionAction({ sessionId: "s3" }), S],
  ["revokeFilteredSessionsAction", () => revokeFilteredSessionsAction({ filter: { ip: "192.0.2.0/24" } }), M],
  ["revokeAllSessionsAction", () => revokeAllSessionsAction({ confirm: "REVOKE ALL" }), A],
  ["bulkUsersAction", () => bulkUsersAction({ action: "revokeSessions", ids: ["u_bob"] }), M],
  ["clearSpamAction", () => clearSpamAction({ userIds: ["u_bob"] }), M],
  ["previewBulkAction", () => previewBulkAction({ action: "ban", ids: ["u_bob"] }), M],
  ["previewRevokeFilterAction", () => previewRevokeFilterAction({ filter: { ip: "192.0.2.0/24" } }), M],
  ["previewRevokeAllAction", () => previewRevokeAllAction(), A],
];

const as = (role: Role) => ({ id: `u_${role}`, email: `${role}@example.com`, name: role, role });

describe("typed server actions", () => {
  beforeEach(() => {
    state.cookies = [];
  });

  const matrix = cases.flatMap(([name, call, allowed]) => (["support", "moderator", "admin"] as const).map((role) => [name, role, call, allowed[role]] as const));
  it.each(matrix)("%s as %s", async (_name, role, call, allowed) => {
    state.user = as(role);
    if (allowed) {
      // past the staff check and the permission: the body asks for the database
      await expect(call()).rejects.toThrow("reached the database");
    } else {
      await expect(call()).resolves.toMatchObject({ ok: false, error: { code: "forbidden", message: expect.stringContaining(`The ${role} role may not do this`) } });
    }
    expect(state.cookies).toEqual([]);
  });

  it.each(cases)("%s answers unauthenticated without a session", async (_name, call) => {
    state.user = null;
    await expect(call()).resolves.toEqual({ ok: false, error: { code: "unauthenticated", message: "Your session has ended: sign in again." } });
  });

  it.each(cases)("%s refuses a signed-in user who is not staff", async (_name, call) => {
    state.user = { id: "u_bob", email: "bob@example.com", name: "Bob", role: "user" };
    await expect(call()).resolves.toEqual({ ok: false, error: { code: "forbidden", message: "This account is not a staff member." } });
  });
});
