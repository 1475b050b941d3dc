import { notFound } from "@/lib/errors";
import { apiAction, bodyWith } from "@/lib/http/action-route";
import { apiRoute } from "@/lib/http/route";
import { updateUserSpec } from "@/lib/modules/core/actions/update-user";
import { listUserMemberships } from "@/lib/modules/organization/queries";
import { toApiMembership } from "@/lib/modules/organization/serialize";
import { deleteUserSpec } from "@/lib/moderation/user-actions";
import { getSessionStore } from "@/lib/sessions/store-config";
import { getUserDetail } from "@/lib/users/detail";
import { toApiAccount, toApiSession, toApiUser } from "@/lib/users/serialize";

export const GET = apiRoute<{ id: string }>("users.read", async ({ q, params }) => {
  const now = new Date();
  const detail = await getUserDetail(q, params.id, now, getSessionStore());
  if (!detail) throw notFound(`No user with id ${params.id}`);
  return {
    user: toApiUser(detail.user, now),
    accounts: detail.accounts.map(toApiAccount),
    sessions: detail.sessions.map(toApiSession),
    // only while the organization module is on (the app has the plugin's tables)
    ...(q.caps.modules.has("organization") ? { memberships: (await listUserMemberships(q, detail.user.id)).map(toApiMembership) } : {}),
  };
});

// DELETE { confirm: "<the user's email>" } (or ?confirm=) → { usersDeleted, sessionsRevoked }
export const DELETE = apiAction(deleteUserSpec, ({ body, params, url }: { body: Record<string, unknown>; params: { id: string }; url: URL }) => ({
  ...bodyWith(body, { userId: params.id }),
  confirm: body.confirm ?? url.searchParams.get("confirm") ?? undefined,
}));

// PATCH { name?, email?, keepEmailVerified?, image?, username?, displayUsername? } → { usersChanged, changed }
export const PATCH = apiAction(updateUserSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
