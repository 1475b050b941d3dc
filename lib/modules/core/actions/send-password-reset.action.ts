"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { sendPasswordResetSpec } from "./send-password-reset";

/** Ask the app's Better Auth to email a password-reset link (users.recover). */
export async function sendPasswordResetAction(input: z.input<typeof sendPasswordResetSpec.input>) {
  return runAction(sendPasswordResetSpec, input);
}
