import { apiAction, bodyWith } from "@/lib/http/action-route";
import { disableTwoFactorSpec } from "@/lib/modules/two-factor/actions/disable-two-factor";

// POST {} → { usersChanged, factorsRemoved }
export const POST = apiAction(disableTwoFactorSpec, ({ body, params }: { body: Record<string, unknown>; params: { id: string } }) => bodyWith(body, { userId: params.id }));
