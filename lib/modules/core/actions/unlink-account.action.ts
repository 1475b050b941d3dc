"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { unlinkAccountSpec } from "./unlink-account";

/** Remove one of a user's sign-in methods, never the last (users.unlinkAccount). */
export async function unlinkAccountAction(input: z.input<typeof unlinkAccountSpec.input>) {
  return runAction(unlinkAccountSpec, input);
}
