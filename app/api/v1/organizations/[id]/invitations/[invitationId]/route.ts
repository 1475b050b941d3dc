import { apiAction, bodyWith } from "@/lib/http/action-route";
import { cancelInvitationSpec } from "@/lib/modules/organization/actions/cancel-invitation";

// DELETE → { invitationsCanceled }; 409 when the invitation is no longer pending
export const DELETE = apiAction(
  cancelInvitationSpec,
  ({ body, params }: { body: Record<string, unknown>; params: { id: string; invitationId: string } }) =>
    bodyWith(body, { organizationId: params.id, invitationId: params.invitationId }),
);
