"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { bulkUsersSpec } from "../../../moderation/bulk-actions";

/** Ban, unban or sign out a selection of users, as previewed (users.bulk). */
export async function bulkUsersAction(input: z.input<typeof bulkUsersSpec.input>) {
  return runAction(bulkUsersSpec, input);
}
