import { apiAction } from "@/lib/http/action-route";
import { banUserAction } from "@/lib/moderation/user-actions";

// POST { reason, expiresAt? | duration? } → { usersChanged, sessionsRevoked, banExpires }
export const POST = apiAction(banUserAction, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => ({ ...body, userId: params.id }));
