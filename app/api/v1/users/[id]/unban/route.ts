import { apiAction, bodyWith } from "@/lib/http/action-route";
import { unbanUserAction } from "@/lib/moderation/user-actions";

export const POST = apiAction(unbanUserAction, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
