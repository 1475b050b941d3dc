"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { setRoleSpec } from "../../../moderation/user-actions";

/** Change one user's app role (users.setRole). */
export async function setRoleAction(input: z.input<typeof setRoleSpec.input>) {
  return runAction(setRoleSpec, input);
}
