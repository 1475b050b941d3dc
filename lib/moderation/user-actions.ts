import { defineAction } from "../actions/runner";
import { staffRoleOf } from "../auth/roles";
import { AppError } from "../errors";
import { keptActivity } from "../sessions/revoke";
import { guardAdminRemoval } from "./admin-guard";
import { banFields, effectivelyBanned, oneTarget, requireBans } from "./guards";
import { banEnd, banInput, deleteUserInput, setRoleInput, userIdInput } from "./schemas";
import { banUsers, deleteUsers, markEmailVerified, setUserRole, unbanUsers } from "./users";

export const banUserAction = defineAction({
  name: "user.ban",
  permission: "users.ban",
  input: banInput,
  async run(env, input) {
    requireBans(env);
    const user = await oneTarget(env, input.userId, { verb: "ban" });
    await guardAdminRemoval(env, [user.id]); // a banned admin is no admin
    const expiresAt = banEnd(input, env.now);
    // Changing a ban in force is explicit; the audit's before keeps the old reason and end either way.
    if (effectivelyBanned(user, env.now) && !input.replaceBan) {
      const until = user.banExpires ? `until ${user.banExpires.toISOString()}` : "permanently";
      throw new AppError("conflict", `This user is already banned ${until} (${user.banReason ?? "no reason"}): send replaceBan: true to change the ban.`);
    }
    const r = await banUsers(env, [user.id], { reason: input.reason, expiresAt });
    return {
      result: { usersChanged: r.users, sessionsRevoked: r.sessions, banExpires: expiresAt?.toISOString() ?? null },
      audit: {
        targetType: "user", targetIds: [user.id], reason: input.reason,
        before: { ...banFields(user), ...keptActivity(r.lastActive) }, after: { banned: true, banReason: input.reason, banExpires: expiresAt?.toISOString() ?? null, sessionsRevoked: r.sessions },
      },
    };
  },
});

export const unbanUserAction = defineAction({
  name: "user.unban",
  permission: "users.ban",
  input: userIdInput,
  async run(env, input) {
    requireBans(env);
    const user = await oneTarget(env, input.userId, { verb: "unban" });
    const r = await unbanUsers(env, [user.id]);
    return {
      result: { usersChanged: r.users },
      audit: { targetType: "user", targetIds: [user.id], before: banFields(user), after: { banned: false, banReason: null, banExpires: null } },
    };
  },
});

export const verifyEmailAction = defineAction({
  name: "user.verifyEmail",
  permission: "users.verifyEmail",
  input: userIdInput,
  async run(env, input) {
    const user = await oneTarget(env, input.userId, { verb: "verify the email of", allowSelf: true });
    const r = await markEmailVerified(env, user.id);
    return {
      result: { usersChanged: r.users },
      audit: { targetType: "user", targetIds: [user.id], before: { emailVerified: user.emailVerified }, after: { emailVerified: true } },
    };
  },
});

export const setRoleAction = defineAction({
  name: "user.setRole",
  permission: "users.setRole",
  input: setRoleInput,
  async run(env, input) {
    const user = await oneTarget(env, input.userId, { verb: "change the role of" });
    if (staffRoleOf(input.role, env.staffRoleMap) !== "admin") await guardAdminRemoval(env, [user.id]);
    await setUserRole(env, user.id, input.role);
    return {
      result: { usersChanged: user.role === input.role ? 0 : 1, role: input.role },
      audit: { targetType: "user", targetIds: [user.id], before: { role: user.role }, after: { role: input.role } },
    };
  },
});

export const deleteUserAction = defineAction({
  name: "user.delete",
  permission: "users.delete",
  input: deleteUserInput,
  async run(env, input) {
    const user = await oneTarget(env, input.userId, { verb: "delete" });
    if (input.confirm.trim().toLowerCase() !== user.email.toLowerCase()) throw new AppError("invalid_request", "confirm: type the user's email exactly to delete them");
    await guardAdminRemoval(env, [user.id]);
    const r = await deleteUsers(env, [user.id]);
    return {
      result: { usersDeleted: r.users, sessionsRevoked: r.sessions },
      audit: { targetType: "user", targetIds: [user.id], before: { email: user.email, role: user.role }, after: null },
    };
  },
});
