"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { unbanUserSpec } from "./unban-user";

/** Lift one user's ban (users.ban). */
export async function unbanUserAction(input: z.input<typeof unbanUserSpec.input>) {
  return runAction(unbanUserSpec, input);
}
