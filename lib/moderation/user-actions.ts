import { defineAction } from "../actions/runner";
import { staffRoleOf } from "../auth/roles";
import { AppError } from "../errors";
import { guardAdminRemoval } from "./admin-guard";
import { oneTarget } from "./guards";
import { deleteUserInput, setRoleInput, userIdInput } from "./schemas";
import { deleteUsers, markEmailVerified, setUserRole } from "./users";

export const verifyEmailSpec = defineAction({
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

export const setRoleSpec = defineAction({
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

export const deleteUserSpec = defineAction({
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
