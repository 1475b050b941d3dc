"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { removeMemberSpec } from "./remove-member";

/** Remove a member from an organization (organizations.manage). */
export async function removeMemberAction(input: z.input<typeof removeMemberSpec.input>) {
  return runAction(removeMemberSpec, input);
}
