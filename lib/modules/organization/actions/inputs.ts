import * as z from "zod";
import { storableText } from "../../../params";

/** Inputs of the organization actions, shared by server actions and the API: strict objects. */
const id = storableText().trim().min(1, "is required").max(255);

/**
 * A member's role(s) as the plugin stores them: one name or several comma-separated ("admin,owner").
 * Apps may define their own roles, so any plain role name is accepted, not only owner/admin/member.
 */
const role = z
  .string()
  .trim()
  .max(200)
  .regex(/^[A-Za-z][\w-]{0,39}(,[A-Za-z][\w-]{0,39}){0,4}$/, "must be a role name, or several separated by commas (owner, admin, member)");

export const memberInput = z.strictObject({ organizationId: id, memberId: id });
export const memberRoleInput = z.strictObject({ organizationId: id, memberId: id, role });
export const invitationInput = z.strictObject({ organizationId: id, invitationId: id });
