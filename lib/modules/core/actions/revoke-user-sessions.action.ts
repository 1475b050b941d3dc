"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { revokeUserSessionsSpec } from "../../../moderation/session-actions";

/** End every session of one user (sessions.revokeUser). */
export async function revokeUserSessionsAction(input: z.input<typeof revokeUserSessionsSpec.input>) {
  return runAction(revokeUserSessionsSpec, input);
}
