"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { revokeSessionSpec } from "../../../moderation/session-actions";

/** End one session (sessions.revokeUser). */
export async function revokeSessionAction(input: z.input<typeof revokeSessionSpec.input>) {
  return runAction(revokeSessionSpec, input);
}
