import { apiAction } from "@/lib/http/action-route";
import { verifyEmailAction } from "@/lib/moderation/user-actions";

export const POST = apiAction(verifyEmailAction, ({ params }: { params: { id: string } }) => ({ userId: params.id }));
