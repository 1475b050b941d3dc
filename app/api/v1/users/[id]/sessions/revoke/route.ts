import { apiAction, bodyWith } from "@/lib/http/action-route";
import { revokeUserSessionsAction } from "@/lib/moderation/session-actions";

export const POST = apiAction(revokeUserSessionsAction, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
