import { notFound } from "@/lib/errors";
import { apiAction, bodyWith } from "@/lib/http/action-route";
import { apiRoute } from "@/lib/http/route";
import { updateUserSpec } from "@/lib/modules/core/actions/update-user";
import { can, type Permission } from "@/lib/auth/permissions";
import type { StaffRole } from "@/lib/auth/roles";
import type { Q } from "@/lib/db/context";
import { userApiFields } from "@/lib/modules";
import { deleteUserSpec } from "@/lib/moderation/user-actions";
import { getSessionStore } from "@/lib/sessions/store-config";
import { getUserDetail } from "@/lib/users/detail";
import { toApiAccount, toApiSession, toApiUser } from "@/lib/users/serialize";

export const GET = apiRoute<{ id: string }>("users.read", async ({ q, params, staff }) => {
  const now = new Date();
  const detail = await getUserDetail(q, params.id, now, getSessionStore());
  if (!detail) throw notFound(`No user with id ${params.id}`);
  return {
    user: toApiUser(detail.user, now),
    accounts: detail.accounts.map(toApiAccount),
    sessions: detail.sessions.map(toApiSession),
    // what the modules that are on add (a module's userApiFields, e.g. memberships), for roles allowed to see it
    ...(await moduleFields(q, detail.user.id, staff.role)),
  };
});

async function moduleFields(q: Q, userId: string, role: StaffRole): Promise<Record<string, unknown>> {
  const fields = userApiFields(q.caps.modules).filter((f) => can(role, f.permission as Permission));
  return Object.fromEntries(await Promise.all(fields.map(async (f) => [f.key, await (await f.load()).default(q, userId)] as const)));
}

// DELETE { confirm: "<the user's email>" } (or ?confirm=) → { usersDeleted, sessionsRevoked }
export const DELETE = apiAction(deleteUserSpec, ({ body, params, url }: { body: Record<string, unknown>; params: { id: string }; url: URL }) => ({
  ...bodyWith(body, { userId: params.id }),
  confirm: body.confirm ?? url.searchParams.get("confirm") ?? undefined,
}));

// PATCH { name?, email?, keepEmailVerified?, image?, …the editFields of the modules that are on } → { usersChanged, changed }
export const PATCH = apiAction(updateUserSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
