import { apiAction, bodyWith } from "@/lib/http/action-route";
import { verifyEmailAction } from "@/lib/moderation/user-actions";

export const POST = apiAction(verifyEmailAction, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
