import { apiAction } from "@/lib/http/action-route";
import { unbanUserAction } from "@/lib/moderation/user-actions";

export const POST = apiAction(unbanUserAction, ({ params }: { params: { id: string } }) => ({ userId: params.id }));
