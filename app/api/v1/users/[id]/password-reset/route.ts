import { apiAction, bodyWith } from "@/lib/http/action-route";
import { sendPasswordResetSpec } from "@/lib/modules/core/actions/send-password-reset";

// POST {} → { sent, email, app: { status, message } } (the app's Better Auth sends the email)
export const POST = apiAction(sendPasswordResetSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
