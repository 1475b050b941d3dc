import { parseInput } from "@/lib/actions/runner";
import { getConfig } from "@/lib/config";
import { badRequest } from "@/lib/errors";
import { apiAction } from "@/lib/http/action-route";
import { bulkUsersAction, previewBulk } from "@/lib/moderation/bulk-actions";
import { bulkPreviewInput, revokeAllInput, revokeFilterInput } from "@/lib/moderation/schemas";
import {
  previewRevokeAll, previewRevokeFilter, revokeAllSessionsAction, revokeFilteredSessionsAction,
} from "@/lib/moderation/session-actions";

/**
 * POST { ip? | cidr? | userIds? | all?, userAgent?, user?, createdAfter?, createdBefore?, dryRun? }
 * One route, three actions (and three permissions): everyone (admin), some users' sessions (bulk),
 * or a session filter. Each keeps its own preview for dryRun.
 */
const filtered = apiAction(
  revokeFilteredSessionsAction,
  ({ body }) => {
    const { ip, cidr, dryRun, all: _all, userIds: _ids, ...rest } = body;
    if (ip && cidr) throw badRequest("give ip or cidr, not both");
    return { filter: { ...rest, ip: ip ?? cidr }, dryRun };
  },
  ({ q, staff, input }) => previewRevokeFilter(q, parseInput(revokeFilterInput, input).filter, staff, getConfig().staffRoleMap),
);
const everyone = apiAction(
  revokeAllSessionsAction,
  ({ body }) => ({ confirm: body.all === true ? "REVOKE ALL" : body.confirm, dryRun: body.dryRun }),
  ({ q, staff, input }) => (parseInput(revokeAllInput, input), previewRevokeAll(q, staff)),
);
const users = apiAction(
  bulkUsersAction,
  ({ body }) => ({ action: "revokeSessions", ids: body.userIds, dryRun: body.dryRun }),
  ({ q, staff, input }) => previewBulk(q, parseInput(bulkPreviewInput, input), staff, getConfig().staffRoleMap),
);

export async function POST(req: Request, ctx: { params: Promise<Record<string, never>> }) {
  const body = await req.clone().json().catch(() => ({}));
  const route = body?.all === true ? everyone : Array.isArray(body?.userIds) ? users : filtered;
  return route(req, ctx);
}
