"use server";
import type * as z from "zod";
import { previews } from "../../../actions/previews";
import { guarded } from "../../../actions/safe-action";
import { getConfig } from "../../../config";
import { getDatabase } from "../../../db";
import type { bulkPreviewInput } from "../../../moderation/schemas";

/** What a bulk action would touch, with the scope token its confirmation sends back. Read-only: no audit, no fresh-read cookie. */
export async function previewBulkAction(input: z.input<typeof bulkPreviewInput>) {
  return guarded(previews.bulk.permission, async (staff) => previews.bulk.run(await getDatabase(), staff, input, getConfig().staffRoleMap));
}
