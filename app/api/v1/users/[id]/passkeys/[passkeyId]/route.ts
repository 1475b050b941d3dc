import { apiAction, bodyWith } from "@/lib/http/action-route";
import { removePasskeySpec } from "@/lib/modules/passkey/actions/remove-passkey";

// DELETE → { passkeysRemoved, remaining } (409 without the passkey table, or for the last way to sign in)
export const DELETE = apiAction(removePasskeySpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string; passkeyId: string } }) =>
  bodyWith(body, { userId: params.id, passkeyId: params.passkeyId }),
);
