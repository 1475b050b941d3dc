import { apiAction, bodyWith } from "@/lib/http/action-route";
import { revokeSessionAction } from "@/lib/moderation/session-actions";

export const DELETE = apiAction(revokeSessionAction, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { sessionId: params.id }));
