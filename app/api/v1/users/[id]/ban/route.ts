import { apiAction, bodyWith } from "@/lib/http/action-route";
import { banUserAction } from "@/lib/moderation/user-actions";

// POST { reason, expiresAt? | duration?, replaceBan? } → { usersChanged, sessionsRevoked, banExpires }
export const POST = apiAction(banUserAction, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
