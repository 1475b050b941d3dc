import { defineAction } from "../../../actions/runner";
import { has } from "../../../db/introspect";
import { memberInput } from "./inputs";
import { keepAnOwner, lockMember } from "./owner-guard";

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
    return {
      result: { membersRemoved: 1, teamMembershipsRemoved: teamMemberships },
      audit: {
        targetType: "organization",
        targetIds: [input.organizationId],
        before: { memberId: member.id, userId: member.userId, email: member.email, role: member.role },
        after: { removed: true, teamMembershipsRemoved: teamMemberships },
      },
    };
  },
});
