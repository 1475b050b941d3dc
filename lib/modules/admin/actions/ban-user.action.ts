"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { banUserSpec } from "./ban-user";

/** Ban one user (users.ban). */
export async function banUserAction(input: z.input<typeof banUserSpec.input>) {
  return runAction(banUserSpec, input);
}
