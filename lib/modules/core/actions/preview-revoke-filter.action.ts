"use server";
import type * as z from "zod";
import { previews } from "../../../actions/previews";
import { guarded } from "../../../actions/safe-action";
import { getConfig } from "../../../config";
import { getDatabase } from "../../../db";
import type { revokeFilterInput } from "../../../moderation/schemas";

/** What a filtered revoke would end, with its scope token. Read-only: no audit, no fresh-read cookie. */
export async function previewRevokeFilterAction(input: z.input<typeof revokeFilterInput>) {
  return guarded(previews.revokeFilter.permission, async (staff) => previews.revokeFilter.run(await getDatabase(), staff, input, getConfig().staffRoleMap));
}
