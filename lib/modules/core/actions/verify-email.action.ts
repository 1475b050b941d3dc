"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { verifyEmailSpec } from "../../../moderation/user-actions";

/** Mark one user's email as verified (users.verifyEmail). */
export async function verifyEmailAction(input: z.input<typeof verifyEmailSpec.input>) {
  return runAction(verifyEmailSpec, input);
}
