import { parseInput } from "@/lib/actions/runner";
import { getConfig } from "@/lib/config";
import { badRequest } from "@/lib/errors";
import { apiAction } from "@/lib/http/action-route";
import { bulkUsersSpec, previewBulk } from "@/lib/moderation/bulk-actions";
import { bulkPreviewInput, revokeAllInput, revokeFilterInput } from "@/lib/moderation/schemas";
import {
  previewRevokeAll, previewRevokeFilter, revokeAllSessionsSpec, revokeFilteredSessionsSpec,
} from "@/lib/moderation/session-actions";

/**
 * POST { ip? | cidr? | userIds? | all?, userAgent?, user?, createdAfter?, createdBefore?, impersonated?, scopeToken?, dryRun? }
 * One route, three actions (and three permissions): everyone (admin), some users' sessions (bulk),
 * or a session filter. Each keeps its own preview for dryRun; the filter and everyone previews
 * return the scopeToken the real call must send back. Any other body key is a 400 (strict inputs).
 */
const filtered = apiAction(
  revokeFilteredSessionsSpec,
  ({ body }) => {
    // The filter's keys sit at the top level of the body; what is left is validated (strictly) as the filter.
    const { ip, cidr, dryRun, scopeToken, ...rest } = body;
    if (ip && cidr) throw badRequest("give ip or cidr, not both");
    return { filter: { ...rest, ...(ip !== undefined || cidr !== undefined ? { ip: ip ?? cidr } : {}) }, dryRun, scopeToken };
  },
  ({ q, staff, input }) => previewRevokeFilter(q, parseInput(revokeFilterInput, input).filter, staff, getConfig().staffRoleMap),
);
const everyone = apiAction(
  revokeAllSessionsSpec,
  ({ body: { all, ...rest } }) => ({ ...rest, confirm: all === true ? "REVOKE ALL" : rest.confirm }),
  ({ q, staff, input }) => {
    parseInput(revokeAllInput, input);
    return previewRevokeAll(q, staff);
  },
);
const users = apiAction(
  bulkUsersSpec,
  ({ body: { userIds, ...rest } }) => ({ ...rest, action: "revokeSessions", ids: userIds }),
  ({ q, staff, input }) => previewBulk(q, parseInput(bulkPreviewInput, input), staff, getConfig().staffRoleMap),
);

export async function POST(req: Request, ctx: { params: Promise<Record<string, never>> }) {
  const body = await req.clone().json().catch(() => ({}));
  const route = body?.all === true ? everyone : Array.isArray(body?.userIds) ? users : filtered;
  return route(req, ctx);
}
