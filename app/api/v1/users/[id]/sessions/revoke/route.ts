import { apiAction } from "@/lib/http/action-route";
import { revokeUserSessionsAction } from "@/lib/moderation/session-actions";

export const POST = apiAction(revokeUserSessionsAction, ({ params }: { params: { id: string } }) => ({ userId: params.id }));
