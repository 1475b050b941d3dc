"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { updateUserSpec } from "./update-user";

/** Edit a user's name, email, image or username (users.edit). */
export async function updateUserAction(input: z.input<typeof updateUserSpec.input>) {
  return runAction(updateUserSpec, input);
}
