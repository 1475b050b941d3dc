"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { cancelInvitationSpec } from "./cancel-invitation";

/** Cancel a pending organization invitation (organizations.manage). */
export async function cancelInvitationAction(input: z.input<typeof cancelInvitationSpec.input>) {
  return runAction(cancelInvitationSpec, input);
}
