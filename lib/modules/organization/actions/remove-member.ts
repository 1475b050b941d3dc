import { type ActionEnv, defineAction } from "../../../actions/runner";
import { has } from "../../../db/introspect";
import { memberInput } from "./inputs";
import { keepAnOwner, lockMember } from "./owner-guard";

/**
 * The removed user's sessions that have this organization active no longer do (and no team of it):
 * otherwise the app would go on treating them as working in it. Better Auth's removeMember clears
 * only the caller's own session (the user leaving); staff act for someone else, so every session
 * of that user is cleared. activeTeamId goes with it: the active team belongs to the active
 * organization, and its team memberships were just removed. Sessions in the app's secondary
 * storage (Redis) are cleared there too: Better Auth serves them from the store, not the row. The
 * count is of sessions, each counted once when it is both a row and in the store.
 */
async function clearActiveOrganization(env: ActionEnv, userId: string, organizationId: string): Promise<number> {
  let rows = 0;
  if (env.q.caps.sessionTable && has(env.q.caps, "session", "activeOrganizationId")) {
    const r = await env.q.db
      .updateTable("session")
      .set(has(env.q.caps, "session", "activeTeamId") ? { activeOrganizationId: null, activeTeamId: null } : { activeOrganizationId: null })
      .where("session.userId", "=", userId)
      .where("session.activeOrganizationId", "=", organizationId)
      .executeTakeFirst();
    rows = Number(r.numUpdatedRows);
  }
  const stored = env.store ? (await env.store.clearSessionFields([userId], { activeOrganizationId: organizationId }, ["activeOrganizationId", "activeTeamId"])).updated : 0;
  return Math.max(rows, stored);
}

/**
 * Removes a member from an organization (and from that organization's teams, where the app has
 * teams), as Better Auth's removeMember would; never the last owner.
 */
export const removeMemberSpec = defineAction({
  name: "organization.member.remove",
  permission: "organizations.manage",
  input: memberInput,
  async run(env, input) {
    const { member, ownerIds } = await lockMember(env, input.organizationId, input.memberId);
    keepAnOwner(ownerIds, member.id, false);
    let teamMemberships = 0;
    if (has(env.q.caps, "teamMember", "teamId") && has(env.q.caps, "teamMember", "userId") && has(env.q.caps, "team", "organizationId")) {
      const r = await env.q.db
        .deleteFrom("teamMember")
        .where("teamMember.userId", "=", member.userId)
        .where("teamMember.teamId", "in", (eb) => eb.selectFrom("team").select("team.id").where("team.organizationId", "=", input.organizationId))
        .executeTakeFirst();
      teamMemberships = Number(r.numDeletedRows);
    }
    await env.q.db.deleteFrom("member").where("member.id", "=", member.id).execute();
    const sessionsCleared = await clearActiveOrganization(env, member.userId, input.organizationId);
    return {
      result: { membersRemoved: 1, teamMembershipsRemoved: teamMemberships, sessionsCleared },
      audit: {
        targetType: "organization",
        targetIds: [input.organizationId],
        before: { memberId: member.id, userId: member.userId, email: member.email, role: member.role },
        after: { removed: true, teamMembershipsRemoved: teamMemberships, sessionsCleared },
      },
    };
  },
});
