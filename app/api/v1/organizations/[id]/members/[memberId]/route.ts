import { apiAction, bodyWith } from "@/lib/http/action-route";
import { removeMemberSpec } from "@/lib/modules/organization/actions/remove-member";
import { setMemberRoleSpec } from "@/lib/modules/organization/actions/set-member-role";

type Params = { id: string; memberId: string };
const fixed = (params: Params) => ({ organizationId: params.id, memberId: params.memberId });

// DELETE → { membersRemoved, teamMembershipsRemoved, sessionsCleared }; 409 for the last owner
export const DELETE = apiAction(removeMemberSpec, ({ body, params }: { body: Record<string, unknown>; params: Params }) => bodyWith(body, fixed(params)));

// PATCH { role: "admin" | "owner,admin" | … } → { membersChanged, role }; 409 when it takes "owner" from the last owner
export const PATCH = apiAction(setMemberRoleSpec, ({ body, params }: { body: Record<string, unknown>; params: Params }) => bodyWith(body, fixed(params)));
