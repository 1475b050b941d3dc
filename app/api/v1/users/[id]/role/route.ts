import { apiAction } from "@/lib/http/action-route";
import { setRoleAction } from "@/lib/moderation/user-actions";

// POST { role: "user,moderator" | null }
export const POST = apiAction(setRoleAction, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => ({ role: body.role, userId: params.id }));
