import { apiAction, bodyWith } from "@/lib/http/action-route";
import { unbanUserSpec } from "@/lib/modules/admin/actions/unban-user";

export const POST = apiAction(unbanUserSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
