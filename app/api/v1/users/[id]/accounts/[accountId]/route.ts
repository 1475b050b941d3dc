import { apiAction, bodyWith } from "@/lib/http/action-route";
import { unlinkAccountSpec } from "@/lib/modules/core/actions/unlink-account";

// DELETE → { accountsRemoved, providerId, remaining } (never the user's last sign-in method: 409)
export const DELETE = apiAction(unlinkAccountSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string; accountId: string } }) =>
  bodyWith(body, { userId: params.id, accountId: params.accountId }),
);
