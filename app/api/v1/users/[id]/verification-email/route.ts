import { apiAction, bodyWith } from "@/lib/http/action-route";
import { sendVerificationEmailSpec } from "@/lib/modules/core/actions/send-verification-email";

// POST {} → { sent, email, app: { status, message } } (the app's Better Auth sends the email)
export const POST = apiAction(sendVerificationEmailSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
