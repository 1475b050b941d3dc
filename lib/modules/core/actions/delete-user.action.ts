"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { deleteUserSpec } from "../../../moderation/user-actions";

/** Delete one user, confirmed by their email (users.delete). */
export async function deleteUserAction(input: z.input<typeof deleteUserSpec.input>) {
  return runAction(deleteUserSpec, input);
}
