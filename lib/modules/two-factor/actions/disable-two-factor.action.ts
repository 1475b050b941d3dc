"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { disableTwoFactorSpec } from "./disable-two-factor";

/** Remove a user's two-factor authentication so they can enrol again (twoFactor.disable). */
export async function disableTwoFactorAction(input: z.input<typeof disableTwoFactorSpec.input>) {
  return runAction(disableTwoFactorSpec, input);
}
