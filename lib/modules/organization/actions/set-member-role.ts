import { defineAction } from "../../../actions/runner";
import { OWNER_ROLE, rolesOf } from "../schema";
import { memberRoleInput } from "./inputs";
import { keepAnOwner, lockMember } from "./owner-guard";

/** Changes a member's role(s); taking "owner" from the last owner is a 409. */
export const setMemberRoleSpec = defineAction({
  name: "organization.member.setRole",
  permission: "organizations.manage",
  input: memberRoleInput,
  async run(env, input) {
    const { member, ownerIds } = await lockMember(env, input.organizationId, input.memberId);
    const role = rolesOf(input.role).join(",");
    keepAnOwner(ownerIds, member.id, rolesOf(role).includes(OWNER_ROLE));
    if (role !== member.role) await env.q.db.updateTable("member").set({ role }).where("member.id", "=", member.id).execute();
    return {
      result: { membersChanged: role === member.role ? 0 : 1, role },
      audit: {
        targetType: "organization",
        targetIds: [input.organizationId],
        before: { memberId: member.id, userId: member.userId, email: member.email, role: member.role },
        after: { role },
      },
    };
  },
});
