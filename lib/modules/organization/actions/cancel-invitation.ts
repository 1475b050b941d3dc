import { defineAction } from "../../../actions/runner";
import { AppError, notFound } from "../../../errors";
import { requireOrganizations } from "../require";
import { invitationInput } from "./inputs";

/**
 * Cancels a pending invitation: status "canceled", as Better Auth's cancelInvitation does (the row
 * stays, so the app's own history is intact). Only a pending invitation can be canceled (409).
 */
export const cancelInvitationSpec = defineAction({
  name: "organization.invitation.cancel",
  permission: "organizations.manage",
  input: invitationInput,
  async run(env, input) {
    requireOrganizations(env.q);
    const inv = await env.q.db
      .selectFrom("invitation")
      .select(["invitation.id", "invitation.email", "invitation.status", "invitation.role"])
      .where("invitation.id", "=", input.invitationId)
      .where("invitation.organizationId", "=", input.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!inv) throw notFound(`No invitation ${input.invitationId} in organization ${input.organizationId}`);
    if (inv.status !== "pending") throw new AppError("conflict", `This invitation is ${inv.status}, not pending.`);
    await env.q.db.updateTable("invitation").set({ status: "canceled" }).where("invitation.id", "=", inv.id).execute();
    return {
      result: { invitationsCanceled: 1 },
      audit: {
        targetType: "organization",
        targetIds: [input.organizationId],
        before: { invitationId: inv.id, email: inv.email, role: inv.role, status: inv.status },
        after: { status: "canceled" },
      },
    };
  },
});
