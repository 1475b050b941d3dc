"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { sendVerificationEmailSpec } from "./send-verification-email";

/** Ask the app's Better Auth to send the verification email again (users.recover). */
export async function sendVerificationEmailAction(input: z.input<typeof sendVerificationEmailSpec.input>) {
  return runAction(sendVerificationEmailSpec, input);
}
