import { apiAction } from "@/lib/http/action-route";
import { revokeSessionAction } from "@/lib/moderation/session-actions";

export const DELETE = apiAction(revokeSessionAction, ({ params }: { params: { id: string } }) => ({ sessionId: params.id }));
