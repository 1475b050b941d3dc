"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { revokeFilteredSessionsSpec } from "../../../moderation/session-actions";

/** End the sessions a filter matches, as previewed (sessions.revokeFilter). */
export async function revokeFilteredSessionsAction(input: z.input<typeof revokeFilteredSessionsSpec.input>) {
  return runAction(revokeFilteredSessionsSpec, input);
}
