import { apiAction, bodyWith } from "@/lib/http/action-route";
import { revokeSessionSpec } from "@/lib/moderation/session-actions";

export const DELETE = apiAction(revokeSessionSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { sessionId: params.id }));
