import { apiAction, bodyWith } from "@/lib/http/action-route";
import { revokeUserSessionsSpec } from "@/lib/moderation/session-actions";

export const POST = apiAction(revokeUserSessionsSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
