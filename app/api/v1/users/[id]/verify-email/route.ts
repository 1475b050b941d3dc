import { apiAction, bodyWith } from "@/lib/http/action-route";
import { verifyEmailSpec } from "@/lib/moderation/user-actions";

export const POST = apiAction(verifyEmailSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
