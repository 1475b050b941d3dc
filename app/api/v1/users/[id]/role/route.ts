import { apiAction, bodyWith } from "@/lib/http/action-route";
import { setRoleSpec } from "@/lib/moderation/user-actions";

// POST { role: "user,moderator" | null }
export const POST = apiAction(setRoleSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
