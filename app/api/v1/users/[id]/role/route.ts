import { apiAction, bodyWith } from "@/lib/http/action-route";
import { setRoleAction } from "@/lib/moderation/user-actions";

// POST { role: "user,moderator" | null }
export const POST = apiAction(setRoleAction, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
