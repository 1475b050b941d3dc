"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { removePasskeySpec } from "./remove-passkey";

/** Remove one of a user's passkeys, never their last way to sign in (passkeys.remove). */
export async function removePasskeyAction(input: z.input<typeof removePasskeySpec.input>) {
  return runAction(removePasskeySpec, input);
}
