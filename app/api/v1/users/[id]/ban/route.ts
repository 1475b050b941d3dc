import { apiAction, bodyWith } from "@/lib/http/action-route";
import { banUserSpec } from "@/lib/modules/admin/actions/ban-user";

// POST { reason, expiresAt? | duration?, replaceBan? } → { usersChanged, sessionsRevoked, banExpires }
export const POST = apiAction(banUserSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
