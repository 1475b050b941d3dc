"use server";
import type * as z from "zod";
import { runAction } from "../../../actions/safe-action";
import { revokeAllSessionsSpec } from "../../../moderation/session-actions";

/** End every session but staff's, as previewed (sessions.revokeAll). */
export async function revokeAllSessionsAction(input: z.input<typeof revokeAllSessionsSpec.input>) {
  return runAction(revokeAllSessionsSpec, input);
}
