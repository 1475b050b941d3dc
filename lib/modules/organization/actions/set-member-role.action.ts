"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { setMemberRoleSpec } from "./set-member-role";

/** Change an organization member's role (organizations.manage). */
export async function setMemberRoleAction(input: z.input<typeof setMemberRoleSpec.input>) {
  return runAction(setMemberRoleSpec, input);
}
