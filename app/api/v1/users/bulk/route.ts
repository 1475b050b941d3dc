import { parseInput } from "@/lib/actions/runner";
import { getConfig } from "@/lib/config";
import { apiAction } from "@/lib/http/action-route";
import { bulkUsersSpec, previewBulk } from "@/lib/moderation/bulk-actions";
import { bulkPreviewInput } from "@/lib/moderation/schemas";

// POST { action: ban|unban|revokeSessions, ids? | filter?, reason?, expiresAt? | duration?, dryRun? }
export const POST = apiAction(
  bulkUsersSpec,
  ({ body }) => body,
  ({ q, staff, input }) => previewBulk(q, parseInput(bulkPreviewInput, input), staff, getConfig().staffRoleMap),
);
